/** The words around the tables: title, sections 一, 五, 六 and the signature. */
import { GENERATED_MARKER } from '../src/lib/schema/origin';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';
import { titleLines } from './wordings';

export function titleLine(spec: ReportSpec): string {
	return `${spec.year}年度政府信息公开工作年度报告`;
}

/** The title as this document lays it out (wordings.ts), one string per line. */
export function titleOf(spec: ReportSpec, mess: Mess): string[] {
	return titleLines(mess.title, spec.titleName, spec.year);
}

export function chineseDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${y}年${m}月${d}日`;
}

export interface Prose {
	intro: string[];
	overview: string[];
	problems: string[];
	other: string[];
}

const OVERVIEW = [
	'（一）主动公开情况。严格落实《中华人民共和国政府信息公开条例》，通过门户网站及时公开机构职能、政策文件、财政预决算等信息。',
	'（二）依申请公开情况。规范受理、办理、答复流程，依法保障申请人的知情权。',
	'（三）政府信息管理情况。健全信息发布协调、保密审查机制，动态更新政府信息公开指南和目录。',
	'（四）平台建设情况。持续优化政府网站信息公开专栏，做好政务新媒体管理。',
	'（五）监督保障情况。将政务公开工作纳入年度考核，加强业务培训。'
];

/** What real reports state in words of their tables: applications received, reviews and lawsuits. */
function statements(spec: ReportSpec, rng: Rng): string[] {
	const v = (k: string) => spec.figures.get(k);
	const fresh = v('requests.new.total');
	if (fresh === null || fresh === undefined) return [];
	const carried = v('requests.carried_in.total') ?? 0;
	const received = fresh + carried + (spec.statedOffset ?? 0);
	const out = [
		rng.pick([
			carried ? `${spec.year}年，共收到政府信息公开申请${received}件（含上年结转${carried}件）。` : `${spec.year}年，共收到政府信息公开申请${received}件。`,
			`全年接收各类政府信息公开申请共计${received}件，均在法定期限内予以答复。`,
			`${spec.year}年度本机关共收到政府信息公开申请 ${received} 件。`
		])
	];
	const review = v('appeals.review.total');
	const suits = (v('appeals.suit_direct.total') ?? 0) + (v('appeals.suit_after_review.total') ?? 0);
	if (review !== null && review !== undefined && rng.chance(0.6))
		out.push(review || suits ? `因政府信息公开引起的行政复议案件${review}件、行政诉讼案件${suits}件。` : '全年未发生因政府信息公开引起的行政复议、行政诉讼案件。');
	return out;
}

export function prose(spec: ReportSpec, rng: Rng): Prose {
	const intro = [`根据《中华人民共和国政府信息公开条例》的要求，现将${spec.agency}${spec.year}年政府信息公开工作情况报告如下。`];
	if (spec.generated) intro.unshift(`（示例数据：${GENERATED_MARKER}。）`);
	const overview = OVERVIEW.filter(() => rng.chance(0.8));
	const stated = statements(spec, rng);
	return {
		intro,
		overview: [...(overview.length ? overview : OVERVIEW.slice(0, 2)), ...stated],
		problems: [
			'一年来，政府信息公开工作取得了一定成效，但仍存在公开内容不够全面、更新不够及时等问题。',
			'下一步，将进一步提高认识，完善制度，加强培训，不断提升政府信息公开工作水平。'
		],
		other: [rng.chance(0.5) ? '无。' : '本年度未收取信息处理费。']
	};
}
