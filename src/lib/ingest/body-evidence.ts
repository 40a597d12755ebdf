/**
 * Agency and year from a report's own sentences, for reports whose page and title name neither:
 * who compiled or published it, its title quoted, the subject that implements the 条例, the
 * statistics period; and, weakest, the agency that signs it or answers questions about it, and the
 * year its overview names most.
 */
import { parseTitle } from './report-title';
import { cleanAgency, isAgencyName, withGovernment, withoutOffice } from './agency-name';
import { DATE_CN } from './report-dates';

/** 本报告由淮安市人民政府办公室根据…编制 / 本年度报告由…编制. */
export const COMPILED_BY = /(?:本|此)(?:年度)?报告由\s*([^，,。；;（(《]{2,40}?)\s*(?:根据|依据|按照|结合|负责|编制|汇总|牵头|组织)/;

/** 某某区某某街道特编制2023年政府信息公开年度报告 / 某某局编制了2020年…报告 / 某某街道现面向社会公开2022年度…报告: the agency before the verb. */
const COMPILES =
	/([^，。；、《》\d,;:：（(]{2,40}?)\s*(?:特|现)?(?:编制(?:了|完成)?|(?:面向|向)社会(?:公开|公布))\s*《?\s*(\d{4})\s*年度?(?:的)?(?:政府信息|政务)(?:公开)?(?:工作)?(?:年度)?(?:报告|年报)/;

/** 现将莲湖区西关街道办事处2024年度政府信息公开工作年度报告予以公开 / 现公布区统计局2023年…报告. */
const PUBLISHED_AS =
	/(?:现将|现公布|现公开|现发布|现予公布|向社会公布|向社会公开|现印发)\s*《?\s*(?:(\d{4})\s*年度?\s*)?([^，,。；;、《》\d]{0,40}?)\s*(?:(\d{4})\s*(?:年度?)?\s*)?(?:的)?(?:政府信息|政务|信息)(?:公开)?(?:工作)?(?:年度)?(?:情况)?(?:的)?报告/;

/** 现编制《北杜街道办事处2023年政府信息公开工作年度报告》: the report's own title, quoted in its body (or, unquoted, after 编制). */
const QUOTED_TITLE = /《\s*([^《》]{4,60}?(?:政府信息|政务)\s*公开\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报))\s*》/;

/** 编制杭州市某某局2024年政府信息公开工作年度报告: the title the sentence compiles, unquoted. */
const COMPILED_TITLE = /编制(?:了|完成|形成)?\s*([^，,。；;、《》\d]{2,40}?\d{4}\s*年度?\s*(?:政府信息|政务|信息)\s*公开\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报))/;

/**
 * 2023年，在区委、区政府的领导下，官洲街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》:
 * the sentence's subject, the agency that reports on its work (after the last comma before it, on
 * the same line: a heading above is no part of it).
 */
const IMPLEMENTS =
	/(?:^|[，,。；;：:\n])[^\S\n]*([^，,。；;：:、《》\d（(\n]{2,30}?)\s*(?:始终|一直|持续|坚持)?\s*(?:认真|深入|全面|严格|切实|扎实)?\s*(?:贯彻|落实|执行|实施|履行|对照|遵照|按照|依照|以)(?:落实|执行|实施)?\s*(?:新修订的)?\s*(?:《\s*(?:中华人民共和国)?政府信息公开条例\s*》|《?条例》?)/;

/**
 * 2021年，某某市卫生健康委员会以…为指引 / 2021年，某某旗卫生健康委员会坚持… / 2022年，白云街以…: the subject of the overview's
 * opening sentence, a name ending as an agency's does, right before its verb.
 */
const OVERVIEW_SUBJECT =
	/(?:^|[\n。])[^\S\n]*20[1-4]\d\s*年度?(?:以来)?\s*[，,]\s*([\u3400-\u9fff（）()]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办事处|委员会|管委会|管理委员会|街道|街|镇|乡|局|厅|委|办|中心|署))(?=以|坚持|认真|深入|全面|严格|高度|紧紧|始终|持续|围绕|积极|进一步|不断|扎实|切实|按照|根据|依照|依据|贯彻|落实|在|把|将|结合|立足|聚焦|牢固|大力|着力)/;

/** The agency the overview's opening sentence is about (weak: read after the signature and the contact, which often name it in full). */
export function overviewSubject(opening: string[]): string | undefined {
	const m = OVERVIEW_SUBJECT.exec(opening.join('\n'));
	const agency = m ? cleanAgency(m[1]) : undefined;
	// 白云街: a 街道 named as Guangzhou's are (its own reports say 我街).
	return agency && (isAgencyName(agency) || /^[\u3400-\u9fff]{2,}街$/.test(agency)) ? agency : undefined;
}

/** 由天津市某某局编制 (not only 本报告由…编制). */
const COMPILED_BY_ANY = /由\s*([^，,。；;、（(《》\d\s]{2,40}?)\s*(?:负责)?编制/;

/** 汇总平潭综合实验区各有关单位政府信息公开工作情况编制而成: a region's report, summing its units' work. */
const SUMS_UNITS = /汇总\s*([^，,。；;、《》\d\s]{2,20}?)\s*(?:各|所属)\s*(?:有关|相关)?\s*(?:单位|部门|乡镇|街道)/;

/** 根据2023年某某市司法局信息公开工作实际编制: the year, then the agency whose work it reports. */
const YEAR_AGENCY_WORK = /(\d{4})\s*年度?\s*([^，,。；;、《》\d\s]{2,30}?)\s*(?:政府)?信息公开工作/;

/** A year named in the overview (`2023年，…`, `2023年全年…`), not a date's (`2023年1月1日`). */
const YEAR_MENTION = /(20[1-4]\d)\s*年(?!\s*\d{1,2}\s*月)/g;

const FIRST_TABLE = /^\s*[二三]\s*[、.．]\s*(主动公开|收到和处理)/;

/** The year the overview (the text before the first table) names most, when it names it twice or more and no other as often. */
export function yearOfOverview(lines: string[]): number | undefined {
	const end = lines.findIndex((l) => FIRST_TABLE.test(l));
	const counts = new Map<number, number>();
	for (const m of lines
		.slice(0, end < 0 ? 60 : Math.min(end, 60))
		.join('\n')
		.matchAll(YEAR_MENTION))
		counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
	const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
	return first && first[1] >= 2 && (!second || second[1] < first[1]) ? first[0] : undefined;
}

/** 统计期限自2023年1月1日起至2023年12月31日止 / 数据统计时限为2022年1月1日至2022年12月31日 / …2024年1月1日至12月31日. */
const PERIOD =
	/统计[^0-9一二〇，。；]{0,4}?(?:期限|时限|时间|区间|期间|日期|周期|范围)[^0-9一二〇]{0,8}(\d{4})\s*年\s*1\s*月\s*1\s*日[^0-9]{0,6}(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/;

/** 现将某某局2024年政府信息公开工作年度报告…: the year the sentence names, before or after the agency. */
function publishedYear(m: RegExpExecArray | null): number | undefined {
	return plausibleYear(m?.[1] ?? m?.[3]);
}

function plausibleYear(digits: string | undefined): number | undefined {
	const y = Number(digits);
	return y >= 2008 && y <= 2100 ? y : undefined;
}

/** 如对本报告有疑问，请与某某局办公室联系 / 请联系：某某镇人民政府（地址…）. */
const CONTACT = /(?:请与|请联系|可与|可联系)[：:\s]*([^，,。；;、（()：:\d\s]{4,40}?)\s*(?:联系|[，,。；;（(]|$)/;

/** 由某某区人民政府某某街道党政办公室综合科编制: the office that compiled it. */
const COMPILING_OFFICE = /由\s*([^，,。；;、（()《》：:\d\s]{4,40}?(?:办公室|党政办|综合科))\s*(?:负责)?编制/;

/**
 * The agency that answers questions about the report or compiled it, its office left out
 * (请与某某局办公室联系: 某某局; 请联系：某某镇人民政府; 由…某某街道党政办公室综合科编制: …某某街道), but a
 * government's office kept (it may be the publisher itself). Weak; a working group is no agency.
 */
export function contactAgency(body: string): string | undefined {
	for (const m of [CONTACT.exec(body), COMPILING_OFFICE.exec(body)]) {
		if (!m) continue;
		const agency = withoutOffice(cleanAgency(m[1]));
		if (/领导小组|公开办|政务公开|信息公开/.test(agency)) continue;
		if (isAgencyName(agency, true)) return agency;
	}
	return undefined;
}

/**
 * A name signed right before a date (`某某局\n2023年1月4日`, `…暂无。 某某局 2020年1月2日`), on a line
 * or after a sentence of its own: text run into it (`事项：无某某局`) is not a name.
 */
const SIGNED = new RegExp(String.raw`(?:^|[\s。；;！!])([\u3400-\u9fff（）()]{2,40}?)\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|${DATE_CN.source})`, 'g');

/** The agency that signs the report: the last name before a date at the document's end. */
export function signatureAgency(lines: string[]): string | undefined {
	const tail = lines.slice(-12).join('\n').slice(-400);
	// The last section's answer run into the name (`六、其他需要报告的事项` / `无某某局 2021年1月19日`);
	// 无锡, 无为, 无棣, 无极 are places.
	const names = [...tail.matchAll(SIGNED)].map((m) => withoutOffice(cleanAgency(m[1])).replace(/^(?:暂无|无)(?![锡为棣极])/, ''));
	const name = names[names.length - 1];
	return name && isAgencyName(name) ? name : undefined;
}

/** Agency and year from the body's sentences (run only when the metadata and title left one unknown: they scan the whole opening). */
export function bodyEvidence(opening: string[], compiled: RegExpExecArray | null): { agency?: string; year?: number } {
	const body = opening.join('');
	const period = PERIOD.exec(body);
	const publishedAs = PUBLISHED_AS.exec(body);
	const compiles = /编制|社会公/.test(body) ? COMPILES.exec(body) : null;
	const quoted = (body.includes('》') ? QUOTED_TITLE.exec(body) : null) ?? (body.includes('编制') ? COMPILED_TITLE.exec(body) : null);
	const quotedTitle = quoted ? parseTitle(quoted[1]) : undefined;
	const implementing = body.includes('条例') ? IMPLEMENTS.exec(opening.join('\n')) : null;
	const compiledBy = body.includes('编制') ? COMPILED_BY_ANY.exec(body) : null;
	const yearWork = YEAR_AGENCY_WORK.exec(body);
	const sums = body.includes('汇总') ? SUMS_UNITS.exec(body) : null;
	// 现公布某某镇人民政府信息公开工作年度报告: 人民政府 shares its 政府 with 政府信息公开.
	const publishedAgency = publishedAs?.[2] && publishedAs[3] === undefined ? withGovernment(publishedAs[2], '政府') : publishedAs?.[2];
	const named = (a: string | undefined) => (a ? cleanAgency(a) : '');
	// 由某某镇人民政府党政办公室编制: the office compiles its agency's report (a government's office keeps its name).
	const compiler = (m: RegExpExecArray | null) => (m ? withoutOffice(cleanAgency(m[1])) : '');
	const agency = [
		compiler(compiled),
		named(publishedAgency),
		named(compiles?.[1]),
		named(quotedTitle?.agency),
		compiler(compiledBy),
		named(yearWork?.[2]),
		named(sums?.[1]),
		named(implementing?.[1])
	].find((a) => isAgencyName(a, true));
	return {
		agency,
		year:
			period && (period[2] === undefined || period[1] === period[2])
				? Number(period[1])
				: (publishedYear(publishedAs) ?? plausibleYear(compiles?.[2]) ?? plausibleYear(quotedTitle && String(quotedTitle.year)))
	};
}
