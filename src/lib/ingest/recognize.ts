/**
 * Who published a report, for which year, and when. Each comes from the first source that
 * names it, in this order: the page's metadata block (crawler header, portal info table, or its
 * fields kept as lines), the title (any of its real layouts: agency then year, year then agency,
 * over two or three lines), the body (本报告由…编制, the 统计期限 sentence, the report's title quoted,
 * the subject that 贯彻落实《条例》), the file name; then, weakest, the agency that signs it, whom it
 * says to ask or the office that compiled it, the subject of the overview's first sentence, the
 * page's 来源, the year the overview names most, and the signature's date. The sources used are
 * returned, so the report's warnings can say where each came from.
 */
import type { Block, SourceDocument } from './document';
import { cleanText } from './cells';
import { NOT_A_GOVERNMENT, REGION_ONLY, UNPLACED, cleanAgency, isAgencyName, sameAgency } from './agency-name';
import { asciiDigits, parseTitle, titleIn } from './report-title';
import { isoDate, signatureDate } from './report-dates';
import { metaFromInfoLines } from './readers/page-meta';

export { isoDate };
import { COMPILED_BY, bodyEvidence, contactAgency, overviewSubject, signatureAgency, yearOfOverview } from './body-evidence';

export type IdentitySource = '页面信息' | '标题' | '正文' | '落款' | '文件名' | '发布日期' | '正文年份' | '经办单位' | '页面来源';

export interface ReportIdentity {
	agency?: string;
	year?: number;
	published?: string;
	/** Where each was found. */
	sources: { agency?: IdentitySource; year?: IdentitySource; published?: IdentitySource };
	/** Text around the title (and the signature, and the page's publisher) that may name the region. */
	context: string;
}

/**
 * The document's lines in order: its text, and with `rows` its tables' rows too, their cells joined
 * (a PDF whose title is letter-spaced (分散对齐) or whose text layer comes from OCR gives its words
 * as cells of a row). Not rows of figures (two or more), nor tables after the opening: they name no
 * agency or year.
 */
function textLines(doc: SourceDocument, rows: boolean): string[] {
	const lines: string[] = [];
	for (const b of doc.blocks as Block[]) {
		// A link's text is the portal's (its menu, its lists of other reports), not the report's.
		if (b.kind === 'text') {
			if (!b.link) lines.push(b.text);
		} else if (rows && lines.length < OPENING_ROWS) for (const row of b.rows) if (fewFigures(row)) lines.push(row.join(' '));
	}
	return lines.map((text) => asciiDigits(cleanText(text))).filter(Boolean);
}

// Rows are read for the opening only (title, who compiled it): the report's own tables come later.
const OPENING_ROWS = 80;

// A cell that starts as a figure does: enough to tell a row of figures (no need to parse them).
const FIGURE_START = /^\s*[\d０-９]/;

function fewFigures(row: string[]): boolean {
	let figures = 0;
	for (const cell of row) if (cell.length <= 16 && FIGURE_START.test(cell) && ++figures >= 2) return false;
	return true;
}

/** The lines to read and the title among them: the text's, or, when it names no agency, with the tables' rows. */
function linesAndTitle(doc: SourceDocument) {
	const text = textLines(doc, false);
	const title = titleIn(text);
	if (title?.hit.agency || !doc.blocks.some((b) => b.kind === 'table')) return { lines: text, title };
	const withRows = textLines(doc, true);
	const found = titleIn(withRows);
	return found && (found.hit.agency || !title) ? { lines: withRows, title: found } : { lines: text, title };
}

/** A file name's own words: path, extensions and crawler suffixes (.page) removed. */
function fileStem(name: string): string {
	return (name.split(/[\\/]/).pop() ?? name).replace(/(\.(page|meta|html?|txt|md|pdf|docx?))+$/i, '');
}

/**
 * A line longer than a footer or a breadcrumb is a paragraph of the body (or a whole body run into
 * one line): of it, only what a title's line or a signature holds speaks for the report's place.
 */
const PARAGRAPH_CHARS = 120;
const CONTEXT_CHARS = 80;
const SIGNATURE_CHARS = 60;

export function recognize(doc: SourceDocument, fileName = ''): ReportIdentity {
	const { lines, title } = linesAndTitle(doc);
	const sources: ReportIdentity['sources'] = {};
	let agency: string | undefined;
	let year: number | undefined;
	let published: string | undefined;
	const take = (source: IdentitySource, found: { agency?: string; year?: number; published?: string }) => {
		if (!agency && found.agency) [agency, sources.agency] = [found.agency, source];
		if (year === undefined && found.year !== undefined) [year, sources.year] = [found.year, source];
		if (!published && found.published) [published, sources.published] = [found.published, source];
	};

	// 1. The page's metadata block: a reader's (crawler header, info table), else an info block kept as lines.
	const meta = doc.meta ?? metaFromInfoLines(lines);
	const publisher = meta?.publisher ? cleanAgency(meta.publisher) : undefined;
	const plausiblePublisher = publisher && isAgencyName(publisher) ? publisher : undefined;
	const pageTitle = doc.title ? parseTitle(doc.title) : undefined;
	if (meta) {
		const fromTitle = meta.title ? parseTitle(meta.title) : undefined;
		// The publisher may be the portal's operator (政务服务管理局 posting a 街道's report): a title
		// naming another agency is the report's own word.
		const titled = pageTitle?.agency ?? title?.hit.agency;
		const publisherFirst = plausiblePublisher && !UNPLACED.test(plausiblePublisher) && (!titled || sameAgency(plausiblePublisher, titled));
		take('页面信息', {
			agency: fromTitle?.agency ?? (publisherFirst ? plausiblePublisher : undefined),
			year: fromTitle?.year,
			published: meta.date ? isoDate(meta.date) : undefined
		});
	}
	// 2. The title: the page's <title> first, then the document's first lines.
	if (pageTitle?.agency) take('标题', pageTitle);
	// A title found only after the body started may be another report's (相关文章, 上一篇): taken last.
	if (title && !title.afterBody) take('标题', title.hit);
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
	// 5. The agency that signs it; else whom to ask about it, or the office that compiled it; else
	// the subject of the overview's first sentence (it may name the agency shorter than they do).
	if (!agency) take('落款', { agency: signatureAgency(lines) });
	if (!agency) take('经办单位', { agency: contactAgency(body) });
	if (!agency) take('正文', { agency: overviewSubject(opening) });
	// The page's 来源 when nothing else names the agency: often the portal's owner, so checked by the user.
	const source = meta?.source ? cleanAgency(meta.source) : undefined;
	if (!agency && source && isAgencyName(source)) take('页面来源', { agency: source });
	// Last, a title found only after the body began: a running head, or another report's in a list after it.
	if (title?.afterBody) take('标题', { agency: title.hit.agency });
	// 6. Reports are published early in the year after the one they report on.
	if (year === undefined && published && sources.published === '页面信息') take('发布日期', { year: Number(published.slice(0, 4)) - 1 });
	// 7. The year the overview names most: the weakest evidence, taken only without any other.
	if (year === undefined) take('正文年份', { year: yearOfOverview(lines) });
	if (title?.afterBody) take('标题', { year: title.hit.year });
	// The signature is read only when no earlier source gave the date (it scans every line), and
	// after every source of the year: a date in the body before the year's end is no signature.
	if (!published) take('落款', { published: signatureDate(lines, year) });

	// 2022年上海市政府信息公开工作年度报告: a region's own report is its people's government's.
	if (agency && REGION_ONLY.test(agency) && !NOT_A_GOVERNMENT.test(agency)) agency = `${agency}人民政府`;
	// Lines around a title the report was not recognised by (a list after its body) say nothing of its place.
	const titleIndex = title && (!title.afterBody || sources.agency === '标题') ? title.index : 0;
	// The publisher, when it is not the agency, is most often its government's portal: its place is the report's.
	// Paragraphs and bodies run into one line (crawler text) are cut to what a title or a signature
	// holds: a place named anywhere in the body (选派人员前往福安市调研) is no part of the report's own.
	const context = [
		meta?.title ?? '',
		doc.title ?? '',
		publisher ?? '',
		...lines.slice(Math.max(0, titleIndex - 3), titleIndex + 4).map((l) => (l.length > PARAGRAPH_CHARS ? l.slice(0, CONTEXT_CHARS) : l)),
		compiled?.[1] ?? '',
		...lines.slice(-8).map((l) => (l.length > PARAGRAPH_CHARS ? l.slice(-SIGNATURE_CHARS) : l))
	].join('\n');
	return { agency, year, published, sources, context };
}
