/**
 * A report's title among its first lines, in any of its real layouts: agency then year, year then
 * agency, over two or three lines, the year last in brackets or inside the report's name, a title
 * running on into the first section; and the agency printed on the line above or below a title
 * that names none.
 */
import { cleanText } from './cells';
import { SENTENCE_OPENING, cleanAgency, isAgencyName, plausibleAgency, withGovernment } from './agency-name';
import { INFO_LABEL } from './readers/page-meta';

const CN_YEAR = '[二〇○零一二三四五六七八九]{4}';

// The words after the year: 政府信息公开工作年度报告, and the variants 政务公开 / 信息公开 / 年度 twice / 工作 missing.
const REPORT_WORDS =
	/^\s*(?:年\s*)?(?:度\s*)?(?:的)?\s*(.*?)\s*(?:(?:政\s*府\s*)?信\s*息|政\s*务)\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:工\s*作\s*)?(?:情\s*况\s*)?(?:的\s*)?(?:报\s*告|年\s*报)/;

const YEAR_LAST = new RegExp(
	`^(.*?)((?:政\\s*府\\s*信\\s*息|政\\s*务)\\s*公\\s*开\\s*(?:工\\s*作\\s*)?(?:年\\s*度\\s*)?报\\s*告)\\s*[（(]\\s*(\\d{4}|${CN_YEAR})\\s*年?\\s*度?\\s*[)）]`
);

const YEAR_INSIDE = new RegExp(`^(.*?)((?:政\\s*府\\s*信\\s*息|政\\s*务)\\s*公\\s*开\\s*工\\s*作)\\s*(\\d{4}|${CN_YEAR})\\s*年\\s*度?\\s*(?:工\\s*作\\s*)?报\\s*告`);

// A year with 年, or one run straight into the report's name (`某某委员会 2021政府信息公开工作年度报告`).
const YEAR_IN_TITLE = new RegExp(`(\\d{4}|${CN_YEAR})\\s*(?:年|(?=(?:政\\s*府\\s*信\\s*息|政\\s*务)\\s*公\\s*开))`, 'g');

const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function cnNumber(s: string): number {
	if (/^\d+$/.test(s)) return Number(s);
	if (s.length === 4 && [...s].every((c) => c in CN_DIGITS && c !== '十')) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
	// 十, 十二, 二十, 二十一, 三十一
	const [a, b] = s.split('十');
	if (s.includes('十')) return (a ? CN_DIGITS[a] : 1) * 10 + (b ? CN_DIGITS[b] : 0);
	return CN_DIGITS[s] ?? NaN;
}

/** Full-width digits (`２０２３年`) as ASCII: every year and date pattern reads ASCII digits. */
export function asciiDigits(s: string): string {
	return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export interface TitleHit {
	year: number;
	agency?: string;
}

/** A title in one piece: agency before the year, or after it (2019年上海市人民政府办公厅政府信息公开工作年度报告). */
export function parseTitle(text: string): TitleHit | undefined {
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
		if (isAgencyName(wrapped) && (previous.length <= 3 || elsewhere())) return wrapped;
	}
	return isAgencyName(previous) ? previous : undefined;
}

/**
 * The agency on its own line under a title that names none (a Word report: the title, then the
 * agency, then the date): the next line, or the one after a year in brackets (（2022年度）).
 */
function agencyBelow(lines: string[], end: number): string | undefined {
	for (let k = end + 1; k <= end + 2 && k < lines.length; k++) {
		if (/^[（(]?\s*(\d{4}|[二〇○零一三四五六七八九]{4})\s*年\s*度?\s*[)）]?$/.test(lines[k])) continue;
		const below = cleanAgency(lines[k]);
		return isAgencyName(below) && !/\d/.test(below) && below.length <= 30 ? below : undefined;
	}
	return undefined;
}

// Where a title ends, letter-spaced or not (政 府 信 息 公 开 工 作 年 度 报 告).
const REPORT_END = /报\s*告|年\s*报/;

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

/**
 * Where the report's own text starts: its first section (一、总体情况, 一、概述, 一、基本情况) or the sentence it
 * opens with (根据《条例》…编制). A title before it is the report's; others around it are a
 * portal's lists of other reports (热点, 相关阅读, 上一篇).
 */
const BODY_START =
	/^\s*(?:[一1]\s*[、.．,，]\s*(?:(?:政府信息公开)?(?:工作)?(?:总\s*体|基\s*本)(?:工作)?\s*情\s*况|概\s*述)|(?:总\s*体\s*情\s*况|概\s*述)\s*$|(?:根据|按照|依据|本(?:年度)?报告)[^。]{0,40}(?:条例|编制))/;

const LINES_SEARCHED = 400;

// With no title before it, a title right under the first heading (`一、总体情况` / `某某乡2021年度…报告根据…编制而成`)
// is still the report's opening.
const OPENING_LINES = 2;

function bodyStart(lines: string[]): number {
	for (let i = 0; i < Math.min(lines.length, LINES_SEARCHED); i++) if (BODY_START.test(lines[i])) return i;
	return -1;
}

/** A title and its line; `afterBody`: found only after the report's first section or sentence (a running head, or a list of other reports). */
type TitleAt = { hit: TitleHit; index: number; afterBody?: boolean };

/**
 * Of the titles before the body, the one nearest to it: a sidebar above the article may list other
 * reports' titles. Nearest without an agency, one naming the same year a line or three above it
 * (a subtitle under the full title) lends its agency; a farther one does not (it may be a list's).
 */
function nearestBeforeBody(found: TitleAt[]): TitleAt {
	const last = found[found.length - 1];
	if (last.hit.agency) return last;
	const named = found.filter((f) => f.hit.agency && f.hit.year === last.hit.year && last.index - f.index <= 3).pop();
	return named ?? last;
}

/** The title among the first lines: alone, or with the line before (agency) or after (年度报告) it. */
export function titleIn(lines: string[]): TitleAt | undefined {
	let yearOnly: TitleAt | undefined;
	const start = bodyStart(lines);
	const beforeBody: TitleAt[] = [];
	for (let i = 0; i < Math.min(lines.length, LINES_SEARCHED); i++) {
		if (start >= 0 && i > start && beforeBody.length) break;
		// A title names a year: other lines are skipped before any pattern runs.
		if (!lines[i].includes('年')) continue;
		// A portal's info table kept as text prints the title again after its labels (`索引号 … 发文字号 某某…报告号`):
		// what precedes the first label is the line's own.
		const own = INFO_LABEL.test(lines[i]) ? lines[i].split(INFO_LABEL)[0] : lines[i];
		const line = own.length > 80 ? titleStarting(own) : own;
		if (line.length > 80 || !line.includes('年')) continue;
		// A sentence about the report (根据《条例》要求，现公布…报告。) is the body's evidence, not a title.
		if (SENTENCE_OPENING.test(line) || /^现公布/.test(line) || /如下\s*(?:[:：。]?\s*$|[（(])/.test(line)) continue;
		let hit = line.includes('告') || REPORT_END.test(line) ? parseTitle(line) : undefined;
		// `2024 年上海市科委政府信息公开工作` then `年度报告`; a long title wrapped once or twice
		// (a PDF of a narrow page: `…人民防空办公室政府信息公` / `开工作` / `年度报告`).
		let joined = line;
		let end = i;
		// A breadcrumb (`当前位置:街镇 > 某某镇 > 政府信息公开年报`, `首页/ 政府信息公开 / … / 2021年 / 正文`) is not a title's first part.
		const breadcrumb = /[>»›]|当前位置|您的位置|首页\s*\/|\s\/\s/.test(line);
		for (let k = i + 1; !hit && !breadcrumb && k <= i + 2 && k < lines.length && lines[k].length <= 20; k++) {
			joined += lines[k];
			// The title ends at 报告: a line read past it would be another line's text.
			if (REPORT_END.test(joined)) {
				hit = parseTitle(joined);
				end = k;
				break;
			}
		}
		if (!hit) continue;
		if (!hit.agency && i > 0) hit = { ...hit, agency: agencyAbove(lines, i) };
		if (!hit.agency) hit = { ...hit, agency: agencyBelow(lines, end) };
		const afterBody = start >= 0 && i > start + OPENING_LINES;
		if (start >= 0 && !afterBody) beforeBody.push({ hit, index: i });
		else if (hit.agency) return { hit, index: i, afterBody };
		else yearOnly ??= { hit, index: i, afterBody };
	}
	return beforeBody.length ? nearestBeforeBody(beforeBody) : yearOnly;
}
