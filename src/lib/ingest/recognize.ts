/**
 * Who published a report, for which year, and when. Each comes from the first source that
 * names it, in this order: the page's metadata block (crawler header, portal info table), the
 * title (any of its real layouts: agency then year, year then agency, over two or three lines),
 * the body (本报告由…编制, the 统计期限 sentence, the report's title quoted, the subject that 贯彻落实《条例》),
 * the file name; then, weakest, the agency that signs it, whom it says to ask or the office that
 * compiled it, the year the overview names most, and the signature's date. The
 * sources used are returned, so the report's warnings can say where each came from.
 */
import type { Block, SourceDocument } from './document';
import { cleanText } from './cells';

export type IdentitySource = '页面信息' | '标题' | '正文' | '落款' | '文件名' | '发布日期' | '正文年份' | '经办单位';

export interface ReportIdentity {
	agency?: string;
	year?: number;
	published?: string;
	/** Where each was found. */
	sources: { agency?: IdentitySource; year?: IdentitySource; published?: IdentitySource };
	/** Text around the title (and the signature) that may name the region. */
	context: string;
}

const CN_YEAR = '[二〇○零一二三四五六七八九]{4}';
// The words after the year: 政府信息公开工作年度报告, and the variants 政务公开 / 信息公开 / 年度 twice / 工作 missing.
const REPORT_WORDS =
	/^\s*(?:年\s*)?(?:度\s*)?(?:的)?\s*(.*?)\s*(?:(?:政\s*府\s*)?信\s*息|政\s*务)\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:工\s*作\s*)?(?:情\s*况\s*)?(?:的\s*)?(?:报\s*告|年\s*报)/;
const YEAR_LAST = new RegExp(
	`^(.*?)((?:政\\s*府\\s*信\\s*息|政\\s*务)\\s*公\\s*开\\s*(?:工\\s*作\\s*)?(?:年\\s*度\\s*)?报\\s*告)\\s*[（(]\\s*(\\d{4}|${CN_YEAR})\\s*年?\\s*度?\\s*[)）]`
);
const YEAR_INSIDE = new RegExp(`^(.*?)((?:政\\s*府\\s*信\\s*息|政\\s*务)\\s*公\\s*开\\s*工\\s*作)\\s*(\\d{4}|${CN_YEAR})\\s*年\\s*度?\\s*(?:工\\s*作\\s*)?报\\s*告`);
const YEAR_IN_TITLE = new RegExp(`(\\d{4}|${CN_YEAR})\\s*年`, 'g');
const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
	if (/^\d+$/.test(s)) return Number(s);
	if (s.length === 4 && [...s].every((c) => c in CN_DIGITS && c !== '十')) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
	// 十, 十二, 二十, 二十一, 三十一
	const [a, b] = s.split('十');
	if (s.includes('十')) return (a ? CN_DIGITS[a] : 1) * 10 + (b ? CN_DIGITS[b] : 0);
	return CN_DIGITS[s] ?? NaN;
}

/** Full-width digits (`２０２３年`) as ASCII: every year and date pattern reads ASCII digits. */
function asciiDigits(s: string): string {
	return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function textLines(doc: SourceDocument): string[] {
	return doc.blocks
		.filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text')
		.map((b) => asciiDigits(cleanText(b.text)))
		.filter(Boolean);
}

export const AGENCY_TAIL =
	/(人民政府办公室|人民政府办公厅|人民政府|办公室|办事处|委员会|管委会|实验区|示范区|开发区|新区|园区|街道|镇|乡|局|厅|委|办|院|中心|署|所|站|队|会|处|部|府|政府)$/;

/** The agency as printed: breadcrumb prefixes and wrapping quotes go, everything else is kept verbatim. */
function cleanAgency(s: string): string {
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

function plausibleAgency(s: string): boolean {
	return (
		s.length >= 2 &&
		s.length <= 40 &&
		/[\u3400-\u9fff]{2}/.test(s) &&
		// Sentence punctuation (full-width or not), book-title marks, a breadcrumb: a sentence or a path, not a name.
		!/[，。；！？、,;!?《》»›|/]|\d{4}|[\u3400-\u9fff]\s*>\s*[\u3400-\u9fff]/.test(s) &&
		!/^(本|我|全|各|根据|按照|依据|现将|现予|现就|兹|特此)/.test(s) &&
		// A kind of agency alone (园区, 街道) is how a report refers to itself, not a name.
		s.replace(AGENCY_TAIL, '') !== '' &&
		!/编制$/.test(s)
	);
}

interface TitleHit {
	year: number;
	agency?: string;
}

/** A title in one piece: agency before the year, or after it (2019年上海市人民政府办公厅政府信息公开工作年度报告). */
function parseTitle(text: string): TitleHit | undefined {
	// A letter-spaced year (`2 0 2 3 年`, a PDF's spaced title) is one number.
	const s = asciiDigits(cleanText(text)).replace(/(?<=\d)\s(?=\d)/g, '');
	for (const m of s.matchAll(YEAR_IN_TITLE)) {
		const year = cnNumber(m[1]);
		if (!(year >= 2000 && year <= 2100)) continue;
		const after = REPORT_WORDS.exec(s.slice(m.index! + m[0].length));
		if (!after) continue;
		const before = withGovernment(cleanAgency(s.slice(0, m.index)), s.slice(m.index!));
		const between = withGovernment(cleanAgency(after[1]), after[0].slice(after[0].indexOf(after[1]) + after[1].length));
		const agency = [before, between].find(plausibleAgency);
		return { year, agency };
	}
	// 某某局政府信息公开工作2021年度报告: the year inside the report's name.
	const inside = YEAR_INSIDE.exec(s);
	if (inside) {
		const year = cnNumber(inside[3]);
		const agency = withGovernment(cleanAgency(inside[1]), inside[2]);
		if (year >= 2000 && year <= 2100) return { year, agency: plausibleAgency(agency) ? agency : undefined };
	}
	// 洪山区人民政府信息公开工作年度报告（2023年度）: the year last, in brackets.
	const last = YEAR_LAST.exec(s);
	if (last) {
		const year = cnNumber(last[3]);
		const agency = withGovernment(cleanAgency(last[1]), last[2]);
		if (year >= 2000 && year <= 2100) return { year, agency: plausibleAgency(agency) ? agency : undefined };
	}
	return undefined;
}

/** 洪山区人民政府信息公开…: the agency's 政府 is also the report's, so the name before it ends in 人民. */
function withGovernment(agency: string, rest: string): string {
	return /人民$/.test(agency) && /^\s*政\s*府/.test(rest) ? `${agency}政府` : agency;
}

/**
 * The agency on the line above a title that names none. A name wrapped there (`…潮河街道办` /
 * `事处`) leaves a few characters on the last line: those alone are not the agency.
 */
function agencyAbove(lines: string[], i: number): string | undefined {
	const previous = cleanAgency(lines[i - 1]);
	if (i > 1 && !/(网|网站|门户|平台|首页)$/.test(lines[i - 2])) {
		const wrapped = cleanAgency(lines[i - 2] + lines[i - 1]);
		// A longer last line (`区潮河街道办事处`) may be a name of its own: wrapped only when the
		// whole name is printed elsewhere in the document (its source line, its signature).
		const elsewhere = () => lines.some((l, k) => k !== i - 1 && k !== i - 2 && l.includes(wrapped));
		if (plausibleAgency(wrapped) && AGENCY_TAIL.test(wrapped) && (previous.length <= 3 || elsewhere())) return wrapped;
	}
	return plausibleAgency(previous) && AGENCY_TAIL.test(previous) ? previous : undefined;
}

/**
 * The agency on its own line under a title that names none (a Word report: the title, then the
 * agency, then the date): the next line, or the one after a year in brackets (（2022年度）).
 */
function agencyBelow(lines: string[], end: number): string | undefined {
	for (let k = end + 1; k <= end + 2 && k < lines.length; k++) {
		if (/^[（(]?\s*(\d{4}|[二〇○零一三四五六七八九]{4})\s*年\s*度?\s*[)）]?$/.test(lines[k])) continue;
		const below = cleanAgency(lines[k]);
		return plausibleAgency(below) && AGENCY_TAIL.test(below) && !/\d/.test(below) && below.length <= 30 ? below : undefined;
	}
	return undefined;
}

const TITLE_THEN_SECTION = /\s+(?=[一二三四五六七八九十]\s*、)/;

/**
 * The title a long line starts with: a crawler's line running on from the title into the first
 * section (`…年度报告 一、总体情况 2019年，…`), or a sentence opening on the title
 * (`某某乡2021年度政府信息公开工作年度报告根据…编制而成。`, the words up to 报告 with no punctuation).
 */
function titleStarting(line: string): string {
	const beforeSection = line.split(TITLE_THEN_SECTION)[0];
	if (beforeSection.length <= 80) return beforeSection;
	const end = line.indexOf('报告');
	return end > 0 && end <= 60 && !/[，。；,;：:]/.test(line.slice(0, end)) ? line.slice(0, end + 2) : line;
}

/** The title among the first lines: alone, or with the line before (agency) or after (年度报告) it. */
function titleIn(lines: string[]): { hit: TitleHit; index: number } | undefined {
	let yearOnly: { hit: TitleHit; index: number } | undefined;
	for (let i = 0; i < Math.min(lines.length, 400); i++) {
		const line = lines[i].length > 80 ? titleStarting(lines[i]) : lines[i];
		// A title names a year: other lines are skipped before any pattern runs.
		if (line.length > 80 || !line.includes('年')) continue;
		// A sentence about the report (根据《条例》要求，现公布…报告。) is the body's evidence, not a title.
		if (/^(根据|按照|依据)/.test(line) || /如下\s*[:：。]?\s*$/.test(line)) continue;
		let hit = line.includes('告') || line.includes('年报') ? parseTitle(line) : undefined;
		// `2024 年上海市科委政府信息公开工作` then `年度报告`; a long title wrapped once or twice
		// (a PDF of a narrow page: `…人民防空办公室政府信息公` / `开工作` / `年度报告`).
		let joined = line;
		let end = i;
		// A breadcrumb (`当前位置:街镇 > 某某镇 > 政府信息公开年报`, `首页/ 政府信息公开 / … / 2021年 / 正文`) is not a title's first part.
		const breadcrumb = /[>»›]|当前位置|您的位置|首页\s*\/|\s\/\s/.test(line);
		for (let k = i + 1; !hit && !breadcrumb && k <= i + 2 && k < lines.length && lines[k].length <= 20; k++) {
			joined += lines[k];
			// The title ends at 报告: a line read past it would be another line's text.
			if (joined.includes('报告') || joined.includes('年报')) {
				hit = parseTitle(joined);
				end = k;
				break;
			}
		}
		if (!hit) continue;
		if (!hit.agency && i > 0) hit = { ...hit, agency: agencyAbove(lines, i) };
		if (!hit.agency) hit = { ...hit, agency: agencyBelow(lines, end) };
		if (hit.agency) return { hit, index: i };
		yearOnly ??= { hit, index: i };
	}
	return yearOnly;
}

/** 本报告由淮安市人民政府办公室根据…编制 / 本年度报告由…编制. */
const COMPILED_BY = /(?:本|此)(?:年度)?报告由\s*([^，,。；;（(《]{2,40}?)\s*(?:根据|依据|按照|结合|负责|编制|汇总|牵头|组织)/;
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
/** 由天津市某某局编制 (not only 本报告由…编制). */
const COMPILED_BY_ANY = /由\s*([^，,。；;、（(《》\d\s]{2,40}?)\s*(?:负责)?编制/;
/** 根据2023年某某市司法局信息公开工作实际编制: the year, then the agency whose work it reports. */
const YEAR_AGENCY_WORK = /(\d{4})\s*年度?\s*([^，,。；;、《》\d\s]{2,30}?)\s*(?:政府)?信息公开工作/;
/** A year named in the overview (`2023年，…`, `2023年全年…`), not a date's (`2023年1月1日`). */
const YEAR_MENTION = /(20[1-4]\d)\s*年(?!\s*\d{1,2}\s*月)/g;
const FIRST_TABLE = /^\s*[二三]\s*[、.．]\s*(主动公开|收到和处理)/;

/** The year the overview (the text before the first table) names most, when it names it twice or more and no other as often. */
function yearOfOverview(lines: string[]): number | undefined {
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

const DATE_NUM = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/g;
const DATE_CN = /([二〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;

function toIso(y: number, m: number, d: number): string | undefined {
	if (!(y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1) return undefined;
	return date.toISOString().slice(0, 10);
}

/** A date as printed (2023-02-20 15:07, 2023年2月20日, 二〇二三年二月二十日) as YYYY-MM-DD. */
export function isoDate(printed: string): string | undefined {
	const text = asciiDigits(printed);
	for (const m of text.matchAll(DATE_NUM)) {
		const iso = toIso(Number(m[1]), Number(m[2]), Number(m[3]));
		if (iso) return iso;
	}
	for (const m of text.matchAll(DATE_CN)) {
		const iso = toIso(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3]));
		if (iso) return iso;
	}
	return undefined;
}

/** The signature's date: the last date in the document that is after the year reported on. */
function signatureDate(lines: string[], year: number | undefined): string | undefined {
	const valid = (iso: string | undefined) => (iso && (year === undefined || Number(iso.slice(0, 4)) > year) ? iso : undefined);
	// From the last line back: the signature ends the document, and the first line with a date ends the search.
	for (let i = lines.length - 1; i >= 0; i--) {
		const line = lines[i];
		// The shortest date either pattern reads (2023-1-1) has 8 characters: table cells have fewer.
		if (line.length < 8) continue;
		let found: string | undefined;
		for (const m of line.matchAll(DATE_NUM)) found = valid(toIso(Number(m[1]), Number(m[2]), Number(m[3]))) ?? found;
		for (const m of line.matchAll(DATE_CN)) found = valid(toIso(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3]))) ?? found;
		if (found) return found;
	}
	return undefined;
}

/**
 * A name signed right before a date (`某某局\n2023年1月4日`, `…暂无。 某某局 2020年1月2日`), on a line
 * or after a sentence of its own: text run into it (`事项：无某某局`) is not a name.
 */
const SIGNED =
	/(?:^|[\s。；;！!])([\u3400-\u9fff（）()]{2,40}?)\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[二〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日)/g;

/** The agency that signs the report: the last name before a date at the document's end. */
function signatureAgency(lines: string[]): string | undefined {
	const tail = lines.slice(-12).join('\n').slice(-400);
	// The last section's answer run into the name (`六、其他需要报告的事项` / `无某某局 2021年1月19日`);
	// 无锡, 无为, 无棣, 无极 are places.
	const names = [...tail.matchAll(SIGNED)].map((m) => withoutOffice(cleanAgency(m[1])).replace(/^(?:暂无|无)(?![锡为棣极])/, ''));
	const name = names[names.length - 1];
	return name && plausibleAgency(name) && AGENCY_TAIL.test(name) ? name : undefined;
}

/** 市政府办, 区统计局: a publisher named without its place; the title names it in full. */
const UNPLACED = /^(省|市|区|县|州|盟|旗|镇|乡|街道)/;
const REGION_ONLY = /^[\u3400-\u9fff]{1,20}(省|市|区|县|旗|州|盟)$/;
/** Areas run by a committee or an office, not a people's government. */
const NOT_A_GOVERNMENT = /(新区|开发区|园区|景区|实验区|示范区|片区|合作区|试验区|保税区|高新区|经开区|自贸区)$/;

/** 现将某某局2024年政府信息公开工作年度报告…: the year the sentence names, before or after the agency. */
function publishedYear(m: RegExpExecArray | null): number | undefined {
	return plausibleYear(m?.[1] ?? m?.[3]);
}

function plausibleYear(digits: string | undefined): number | undefined {
	const y = Number(digits);
	return y >= 2008 && y <= 2100 ? y : undefined;
}

/** A file name's own words: path, extensions and crawler suffixes (.page) removed. */
function fileStem(name: string): string {
	return (name.split(/[\\/]/).pop() ?? name).replace(/(\.(page|meta|html?|txt|md|pdf|docx?))+$/i, '');
}

/** 如对本报告有疑问，请与某某局办公室联系 / 请联系：某某镇人民政府（地址…）. */
const CONTACT = /(?:请与|请联系|可与|可联系)[：:\s]*([^，,。；;、（()：:\d\s]{4,40}?)\s*(?:联系|[，,。；;（(]|$)/;
/** 由某某区人民政府某某街道党政办公室综合科编制: the office that compiled it. */
const COMPILING_OFFICE = /由\s*([^，,。；;、（()《》：:\d\s]{4,40}?(?:办公室|党政办|综合科))\s*(?:负责)?编制/;
/** An agency's internal office or section: the agency is what comes before it. */
const SECTION = /(?:党政综合办公室|综合办公室|党政办公室|党政办|综合科)$/;
/** A government's office (人民政府办公室, 管委会办公室) publishes reports of its own: it is kept whole. */
const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会)$/;

/** 某某局办公室 → 某某局; 某某街道党政办公室综合科 → 某某街道; 某某县人民政府办公室 stays. */
function withoutOffice(name: string): string {
	let agency = name;
	while (SECTION.test(agency)) agency = agency.replace(SECTION, '');
	const office = agency.replace(/办公室$/, '');
	return office !== agency && !GOVERNMENT.test(office) ? office : agency;
}

/**
 * The agency that answers questions about the report or compiled it, its office left out
 * (请与某某局办公室联系: 某某局; 请联系：某某镇人民政府; 由…某某街道党政办公室综合科编制: …某某街道), but a
 * government's office kept (it may be the publisher itself). Weak; a working group is no agency.
 */
function contactAgency(body: string): string | undefined {
	for (const m of [CONTACT.exec(body), COMPILING_OFFICE.exec(body)]) {
		if (!m) continue;
		const agency = withoutOffice(cleanAgency(m[1]));
		if (/领导小组|公开办|政务公开|信息公开/.test(agency)) continue;
		if (plausibleAgency(agency) && (AGENCY_TAIL.test(agency) || REGION_ONLY.test(agency))) return agency;
	}
	return undefined;
}

/** Agency and year from the body's sentences (run only when the metadata and title left one unknown: they scan the whole opening). */
function bodyEvidence(opening: string[], compiled: RegExpExecArray | null): { agency?: string; year?: number } {
	const body = opening.join('');
	const period = PERIOD.exec(body);
	const publishedAs = PUBLISHED_AS.exec(body);
	const compiles = /编制|社会公/.test(body) ? COMPILES.exec(body) : null;
	const quoted = (body.includes('》') ? QUOTED_TITLE.exec(body) : null) ?? (body.includes('编制') ? COMPILED_TITLE.exec(body) : null);
	const quotedTitle = quoted ? parseTitle(quoted[1]) : undefined;
	const implementing = body.includes('条例') ? IMPLEMENTS.exec(opening.join('\n')) : null;
	const compiledBy = body.includes('编制') ? COMPILED_BY_ANY.exec(body) : null;
	const yearWork = YEAR_AGENCY_WORK.exec(body);
	// 现公布某某镇人民政府信息公开工作年度报告: 人民政府 shares its 政府 with 政府信息公开.
	const publishedAgency = publishedAs?.[2] && publishedAs[3] === undefined ? withGovernment(publishedAs[2], '政府') : publishedAs?.[2];
	const agency = [compiled?.[1], publishedAgency, compiles?.[1], quotedTitle?.agency, compiledBy?.[1], yearWork?.[2], implementing?.[1]]
		.map((a) => (a ? cleanAgency(a) : ''))
		.find((a) => plausibleAgency(a) && (AGENCY_TAIL.test(a) || REGION_ONLY.test(a)));
	return {
		agency,
		year:
			period && (period[2] === undefined || period[1] === period[2])
				? Number(period[1])
				: (publishedYear(publishedAs) ?? plausibleYear(compiles?.[2]) ?? plausibleYear(quotedTitle && String(quotedTitle.year)))
	};
}

export function recognize(doc: SourceDocument, fileName = ''): ReportIdentity {
	const lines = textLines(doc);
	const sources: ReportIdentity['sources'] = {};
	let agency: string | undefined;
	let year: number | undefined;
	let published: string | undefined;
	const take = (source: IdentitySource, found: { agency?: string; year?: number; published?: string }) => {
		if (!agency && found.agency) [agency, sources.agency] = [found.agency, source];
		if (year === undefined && found.year !== undefined) [year, sources.year] = [found.year, source];
		if (!published && found.published) [published, sources.published] = [found.published, source];
	};

	// 1. The page's metadata block.
	const publisher = doc.meta?.publisher ? cleanAgency(doc.meta.publisher) : undefined;
	const plausiblePublisher = publisher && plausibleAgency(publisher) && AGENCY_TAIL.test(publisher) ? publisher : undefined;
	if (doc.meta) {
		const fromTitle = doc.meta.title ? parseTitle(doc.meta.title) : undefined;
		take('页面信息', {
			agency: fromTitle?.agency ?? (plausiblePublisher && !UNPLACED.test(plausiblePublisher) ? plausiblePublisher : undefined),
			year: fromTitle?.year,
			published: doc.meta.date ? isoDate(doc.meta.date) : undefined
		});
	}
	// 2. The title: the page's <title> first, then the document's first lines.
	const pageTitle = doc.title ? parseTitle(doc.title) : undefined;
	const title = titleIn(lines);
	if (pageTitle?.agency) take('标题', pageTitle);
	if (title) take('标题', title.hit);
	if (pageTitle) take('标题', pageTitle);
	// 3. The body: who compiled it, the statistics period, the signature's date.
	const opening = lines.slice(0, 60);
	const body = opening.join('');
	// Who compiled it names the region too (see context), so it is read even after a title.
	const compiled = COMPILED_BY.exec(body);
	if (!agency || year === undefined) take('正文', bodyEvidence(opening, compiled));
	// A publisher named without its place (区统计局) is still better than none.
	take('页面信息', { agency: plausiblePublisher });
	// 4. The file name.
	const stem = fileStem(fileName);
	const fromName = parseTitle(stem);
	const yearInName = /(?:^|[^\d])(20[1-4]\d)(?:[^\d]|$)/.exec(stem);
	take('文件名', { agency: fromName?.agency, year: fromName?.year ?? (yearInName ? Number(yearInName[1]) : undefined) });
	// 5. The agency that signs it; else whom to ask about it, or the office that compiled it.
	if (!agency) take('落款', { agency: signatureAgency(lines) });
	if (!agency) take('经办单位', { agency: contactAgency(body) });
	// 6. Reports are published early in the year after the one they report on.
	if (year === undefined && published && sources.published === '页面信息') take('发布日期', { year: Number(published.slice(0, 4)) - 1 });
	// 7. The year the overview names most: the weakest evidence, taken only without any other.
	if (year === undefined) take('正文年份', { year: yearOfOverview(lines) });
	// The signature is read only when no earlier source gave the date (it scans every line), and
	// after every source of the year: a date in the body before the year's end is no signature.
	if (!published) take('落款', { published: signatureDate(lines, year) });

	// 2022年上海市政府信息公开工作年度报告: a region's own report is its people's government's.
	if (agency && REGION_ONLY.test(agency) && !NOT_A_GOVERNMENT.test(agency)) agency = `${agency}人民政府`;
	const titleIndex = title?.index ?? 0;
	const context = [doc.meta?.title ?? '', doc.title ?? '', ...lines.slice(Math.max(0, titleIndex - 3), titleIndex + 4), compiled?.[1] ?? '', ...lines.slice(-8)].join('\n');
	return { agency, year, published, sources, context };
}
