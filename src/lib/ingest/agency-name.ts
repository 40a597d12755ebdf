/**
 * An agency's name as a report prints it: what ends a name (局, 街道, 人民政府 …), what is no part of it
 * (breadcrumbs, portal tags, Markdown marks, quotes), what is no name at all (a sentence, a path,
 * 我局, 园区 alone), and the agency behind an office that signs or answers for it.
 */

import { INFO_LABEL } from './readers/page-meta';

export const AGENCY_TAIL =
	/(人民政府办公室|人民政府办公厅|人民政府|办公室|办事处|委员会|管委会|实验区|示范区|开发区|新区|园区|街道|镇|乡|局|厅|委|办|院|中心|署|所|站|队|会|处|部|府|政府)$/;

/** The agency as printed: breadcrumb prefixes and wrapping quotes go, everything else is kept verbatim. */
export function cleanAgency(s: string): string {
	return (
		s
			.replace(/^.*(?:首页|当前位置|您的位置)\s*[：:>»]+\s*/, '')
			// Spaces around CJK (`2024 年`, `洪泽区 人民政府`) are layout; others are kept verbatim.
			.replace(/(?<=[\u3400-\u9fff])[\s\u00a0\u3000]+(?=[\u3400-\u9fff\d])|(?<=\d)[\s\u00a0\u3000]+(?=[\u3400-\u9fff])/g, '')
			// An info table's key kept on the title's line (`标 题 某某局…报告`), a portal's tag before the
			// title (【图文】, [转载]): no part of the name.
			.replace(/^(?:标\s*题|题\s*名|名\s*称|文件名称)\s*[:：]?\s*/, '')
			// Markdown's heading and bold marks (text an OCR tool wrote, read as plain text).
			.replace(/^#{1,6}\s+/, '')
			.replace(/\*\*/g, '')
			.replace(/^\s*[【[][^【】[\]]{1,6}[】\]]\s*/, '')
			.replace(/^[《“"'【[】\]）)]+|[》”"'：:】\]]+$/g, '')
			// 海坛片区管理局关于报送2020年度…报告: the cover letter's verb is not the agency's name.
			.replace(/关于(?:报送|印发|公布|发布|公开)?$/, '')
			// 某某区人民政府办公室关于某某区…报告: the office publishes the report of what follows 关于.
			.replace(/^.*关于/, '')
			.replace(/的$/, '')
			.trim()
	);
}

/** How a sentence about the report opens (根据《条例》…, 现将…报告公布如下): neither a name nor a title. */
export const SENTENCE_OPENING = /^(根据|按照|依据|现将|现予|现就)/;

export function plausibleAgency(s: string): boolean {
	return (
		s.length >= 2 &&
		s.length <= 40 &&
		/[\u3400-\u9fff]{2}/.test(s) &&
		// Sentence punctuation (full-width or not), book-title marks, a breadcrumb: a sentence or a path, not a name.
		!/[，。；！？、,;!?《》»›|/]|\d{4}|[\u3400-\u9fff]\s*>\s*[\u3400-\u9fff]/.test(s) &&
		!/^(本|我|全|各|兹|特此)/.test(s) &&
		!SENTENCE_OPENING.test(s) &&
		// An info table's labels (`关键词 发布机构 某某局` on one line): a row of the table, not a name.
		!INFO_LABEL.test(s) &&
		// A kind of agency alone (园区, 街道) is how a report refers to itself, not a name.
		s.replace(AGENCY_TAIL, '') !== '' &&
		!/编制$/.test(s)
	);
}

/** A plausible name ending as an agency's does (局, 街道, 人民政府 …); with `orRegion`, a region named alone too. */
export function isAgencyName(s: string, orRegion = false): boolean {
	return plausibleAgency(s) && (AGENCY_TAIL.test(s) || (orRegion && REGION_ONLY.test(s)));
}

/** 洪山区人民政府信息公开…: the agency's 政府 is also the report's, so the name before it ends in 人民. */
export function withGovernment(agency: string, rest: string): string {
	return /人民$/.test(agency) && /^\s*政\s*府/.test(rest) ? `${agency}政府` : agency;
}

/** 市政府办, 区统计局: a publisher named without its place; the title names it in full. */
export const UNPLACED = /^(省|市|区|县|州|盟|旗|镇|乡|街道)/;

export const REGION_ONLY = /^[\u3400-\u9fff]{1,20}(省|市|区|县|旗|州|盟)$/;

/** Areas run by a committee or an office, not a people's government. */
export const NOT_A_GOVERNMENT = /(新区|开发区|园区|景区|实验区|示范区|片区|合作区|试验区|保税区|高新区|经开区|自贸区)$/;

/** An agency's internal office or section: the agency is what comes before it. */
const SECTION = /(?:党政综合办公室|综合办公室|党政办公室|党政办|综合科)$/;

/** A government's office (人民政府办公室, 管委会办公室) publishes reports of its own: it is kept whole. */
const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会)$/;

const OFFICE_DIVISION = /(?<=办公室)[\u3400-\u9fff]{2,12}?[处科股]$/;

/** 某某局办公室 → 某某局; 某某街道党政办公室综合科 → 某某街道; 某某县人民政府办公室 stays. */
export function withoutOffice(name: string): string {
	// A division of the office (…管委会办公室保密与电子政务处, …办公室秘书科): the office.
	let agency = name.replace(OFFICE_DIVISION, '');
	while (SECTION.test(agency)) agency = agency.replace(SECTION, '');
	const office = agency.replace(/办公室$/, '');
	return office !== agency && !GOVERNMENT.test(office) ? office : agency;
}

/**
 * 甘州区东街街道办事处 and 东街街道, 某某区财政局 and 区财政局: one names the other, a 街道's 办事处 and an
 * unplaced name's 区 aside. 甘州区人民政府 and 甘州区东街街道 are two.
 */
export function sameAgency(a: string, b: string): boolean {
	const core = (name: string) => name.replace(/(?:街道办事处|办事处|街道)$/, '').replace(UNPLACED, '');
	return core(a).includes(core(b)) || core(b).includes(core(a));
}
