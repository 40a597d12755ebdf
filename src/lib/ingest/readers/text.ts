/**
 * Text dumps of Word documents (like the sample): each table cell on a line of its own that
 * starts with a tab, rows separated by blank lines; a line without a tab right after a cell
 * continues it (a header split over lines) or, for figures, is the next value of a merged
 * cell. Lines with several tab-separated cells (text copied from a web page) are whole rows.
 */
import { isValueToken, labelPieces } from '../cells';
import type { Block, SourceDocument } from '../document';
import { looksLikeMarkdownTables, readMarkdown } from './markdown';
import { crawlerHeader, RUN_ON_LINE, splitRunOnLine } from './crawler';
import { asCellLine, looksLikeCellLines, readCellLines } from './cell-lines';
import { metaFromPipeLines } from './page-meta';
import { intoColumns } from './columns';

const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、/;
// Headings of sections 二–四 by their words (some reports number them 三–五), not the requests
// table's own rows 二、上年结转 … 四、结转下年度.
const TABLE_SECTION = /^\s*[一二三四五六七]\s*[、.．]\s*(主动公开|收到和处理|[^，。]{0,16}(行政复议|行政诉讼))/;
const AFTER_TABLES = /^\s*[五六七八]\s*[、.．]\s*\D*$/;
/** A character of the figures at the end of a flattened row: digits (also full-width), separators, points, spaces, dashes, blanks' marks (/, 无). */
const TAIL_CHAR = /[\d０-９.．,，\s\u00a0\u3000\-—/／无]/;
const DIGIT = /[\d０-９]/;
/** What may stand before a row's first figure: blanks' marks (— / 无) and spaces. */
const BEFORE_FIRST_FIGURE = /[-—/／无\s\u00a0\u3000]/;
const SPACE = /[\s\u00a0\u3000]/;

/**
 * Where the figures at the end of a line start (-1: none): the longest run of figure characters
 * that ends the line, opening with a figure or a blank's mark. Scanned back from the end, in one
 * pass (a regular expression anchored at the end took seconds on a long run of digits).
 */
function figureTailStart(line: string): number {
	let from = line.length;
	while (from > 0 && TAIL_CHAR.test(line[from - 1])) from--;
	let digit = from;
	while (digit < line.length && !DIGIT.test(line[digit])) digit++;
	if (digit === line.length) return -1;
	// Before the first figure only marks and spaces: a point or separator there is no figure's.
	let start = from;
	for (let k = from; k < digit; k++) if (!BEFORE_FIRST_FIGURE.test(line[k])) start = k + 1;
	while (start < digit && SPACE.test(line[start])) start++;
	return start;
}

/** A page's number as text kept of a PDF prints it (`-2-`, `— 3 —`, `第 4 页 共 9 页`): not a row. */
const PAGE_MARK = /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)\s*$/;

/**
 * A tab alone between blank lines: a browser's copy of a table whose cells hold paragraphs
 * (innerText: `label\n\n\t\n\n80\n\n\t\n\n1`, rows parted by four newlines).
 */
const TAB_BETWEEN_BLANKS = /\n[^\S\n]*\n[^\S\n\t]*\t[^\S\n\t]*\n[^\S\n]*\n/;

/** A figure on a line after a tab: a Word text dump's cell, never in such a copy. */
const TAB_THEN_FIGURE = /(?:^|\n)\t+[\d.]+[^\S\n]*(?:\n|$)/;

/** Such a copy with each row's cells back on one line, parted by tabs. */
function joinCopiedCells(text: string): string {
	return text.replace(/\n[^\S\n]*\n[^\S\n\t]*\t[^\S\n\t]*(?=\n[^\S\n]*\n)/g, '\t').replace(/\t\n[^\S\n]*\n(?=[^\n])/g, '\t');
}

export function readText(text: string): SourceDocument {
	const copied = TAB_BETWEEN_BLANKS.test(text) && !TAB_THEN_FIGURE.test(text);
	if (copied) text = joinCopiedCells(text);
	let lines = text.split(/\r\n|\r|\n/).filter((l) => !PAGE_MARK.test(l));
	const crawled = crawlerHeader(lines);
	if (crawled) lines = lines.slice(crawled.bodyStart);
	// Without a crawler's header, a portal's info table kept as bar-separated lines.
	const infoTable = crawled ? undefined : metaFromPipeLines(lines);
	const header = crawled ?? (infoTable ? { meta: infoTable } : undefined);
	const headerName = crawled ? '爬虫页头' : infoTable ? '网页信息表' : '';
	if (!looksLikeMarkdownTables(lines) && looksLikeCellLines(lines)) {
		const read = readCellLines(lines);
		return { blocks: read.blocks, layout: [headerName, read.layout].filter(Boolean).join('；'), ...(header ? { meta: header.meta } : {}) };
	}
	const runOn = lines.some((l) => l.length > RUN_ON_LINE);
	if (runOn) lines = lines.flatMap((l) => (l.length > RUN_ON_LINE ? splitRunOnLine(l) : [l]));
	const doc = looksLikeMarkdownTables(lines) ? readMarkdown(lines) : readWordDump(lines);
	const read = doc.markdown || doc.blocks.some((b) => b.kind === 'table') ? doc : flattened(doc.blocks);
	const layout = [headerName, copied ? '浏览器复制的网页文字（单元格以制表符分隔）' : '', runOn ? '正文在一行，按标题和行标签切分' : '', read.layout ?? '']
		.filter(Boolean)
		.join('；');
	const asCellLines = read.tablesRefused ? cellsInRowOrder(lines) : undefined;
	return { ...read, layout, ...(header ? { meta: header.meta } : {}), ...(asCellLines ? { asCellLines } : {}) };
}

/**
 * Lines of the table sections as cells one per line (each closed by ` |`, as the cell-line reader
 * takes them): right when the text keeps the tables' row order (BeautifulSoup's text of a page, a
 * Word table saved as text), wrong when it keeps a PDF's content-stream order. The caller decides
 * by whether it reads cleanly.
 */
function cellsInRowOrder(lines: string[]): SourceDocument {
	let inside = false;
	const cells = lines.map((line) => {
		if (TABLE_SECTION.test(line)) {
			inside = true;
			return line;
		}
		if (AFTER_TABLES.test(line)) inside = false;
		return inside && line.trim() !== '' ? asCellLine(line) : line;
	});
	return { ...readCellLines(cells), layout: '每个单元格一行（没有分隔符），按表格的行序和行标签分行' };
}

/**
 * Text a crawler kept of a web page: each table row is one line, its label followed by its
 * figures with no separator ("一、本年新收政府信息公开申请数量15200031 156"). Lines of sections
 * 二–四 become rows of [label, figures]; the figures are cut later (reconstruct.ts).
 */
function flattened(blocks: Block[]): SourceDocument {
	// Figures alone on lines one after another, in any table: the text keeps cells one per line
	// (its tables' row order, or a PDF's content-stream order with label pieces between the
	// figures), not rows. Read as rows, its figures land on their neighbours' rows: none of its
	// tables is read so (the caller may read them as cells, see cellsInRowOrder).
	const cellsApart = hasLoneFigureRun(blocks);
	const out: Block[] = [];
	let rows: string[][] | null = null;
	// Section 三's rows with where each figure stands on its line (pdftotext -layout keeps columns).
	let placed: PlacedRow[] | null = null;
	// Pages as pdftotext parts them (a form feed): each page may set its table's columns apart.
	let page = 0;
	let unaligned = 0;
	const close = () => {
		if (rows && placed) blanksByColumns(rows, placed);
		placed = null;
		if (rows?.length && cellsApart) {
			unaligned++;
			for (const r of rows) out.push({ kind: 'text', text: r.join(' ') });
		} else if (rows?.length) out.push({ kind: 'table', rows });
		rows = null;
	};
	for (const b of blocks) {
		if (b.kind !== 'text') continue;
		if (b.text.includes('\f')) page++;
		const line = b.text.trim();
		if (TABLE_SECTION.test(line) || AFTER_TABLES.test(line)) {
			close();
			out.push(b);
			if (TABLE_SECTION.test(line)) rows = [];
			if (/收到和处理/.test(line)) placed = [];
			continue;
		}
		if (!rows) {
			out.push(b);
			continue;
		}
		const tail = figureTailStart(line);
		if (tail < 0) rows.push([line]);
		else {
			rows.push(tail === 0 ? [line] : [...labelPieces(line.slice(0, tail)), line.slice(tail).trim()]);
			if (placed) {
				const raw = b.text.replace(/\f/g, '');
				const from = raw.indexOf(line) + tail;
				const figures = [...raw.slice(from).matchAll(/\S+/g)].map((m) => ({ text: m[0], at: from + m.index + m[0].length / 2 }));
				placed.push({ row: rows.length - 1, page, figures });
			}
		}
	}
	close();
	const found = out.some((b) => b.kind === 'table');
	const refused = unaligned
		? `${unaligned} 个表格的单元格各占一行，按表格的行序也读不通（PDF 按内容流顺序转出的文字，标签夹在数字之间；或空白单元格被略去），行与行无法对齐，未读入`
		: undefined;
	return { blocks: out, runTogether: found, layout: ['纯文本：每行一个表格行，数字连写', refused].filter(Boolean).join('；'), ...(refused ? { tablesRefused: refused } : {}) };
}

interface PlacedRow {
	row: number;
	page: number;
	/** Each figure (or blank's mark) and the middle of its place on the line, in characters. */
	figures: { text: string; at: number }[];
}

/**
 * Section 三 as `pdftotext -layout` writes a PDF's table: a blank cell leaves only spaces, and its
 * row comes out a figure short. The rows with all seven figures say where the columns stand (after
 * the first, each column's figures within a character and a half of one place: the first moves
 * with its label's length); a shorter row's figures take the columns they stand in, the rest are
 * its blank cells. Only when at least three whole rows agree and every figure is in a column of
 * its own, left to right; otherwise the row stays as it is. Each page (pdftotext parts them by a
 * form feed) on its own: a table continued on the next page may stand elsewhere there.
 */
function blanksByColumns(rows: string[][], placed: PlacedRow[]) {
	for (const page of new Set(placed.map((p) => p.page)))
		blanksByColumnsOfPage(
			rows,
			placed.filter((p) => p.page === page)
		);
}

function blanksByColumnsOfPage(rows: string[][], placed: PlacedRow[]) {
	const COLUMNS = 7;
	const whole = placed.filter((p) => p.figures.length === COLUMNS);
	if (whole.length < 3) return;
	const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const at = Array.from({ length: COLUMNS }, (_, k) => middle(whole.map((p) => p.figures[k].at)));
	// Columns a space apart are no columns: text with one space between figures (pdftotext -raw,
	// crawler text) lines its rows of single digits up too, whatever cells they lost.
	for (let k = 1; k < COLUMNS; k++) if (whole.some((p) => Math.abs(p.figures[k].at - at[k]) > 1.5) || at[k] - at[k - 1] < 3) return;
	const columnOf = (f: { at: number }) => (f.at < at[1] - 1.5 ? 0 : at.findIndex((a, k) => k > 0 && Math.abs(f.at - a) <= 1.5));
	for (const p of placed) {
		if (p.figures.length === 0 || p.figures.length >= COLUMNS) continue;
		const cells = intoColumns(p.figures, COLUMNS, columnOf, () => ({ text: '', at: -1 }));
		if (cells) rows[p.row] = [...rows[p.row].slice(0, -1), ...cells.map((c) => c.text)];
	}
}

/** Three figures alone on consecutive lines inside the table sections. */
function hasLoneFigureRun(blocks: Block[]): boolean {
	let inside = false;
	let run = 0;
	for (const b of blocks) {
		if (b.kind !== 'text') continue;
		const line = b.text.trim();
		if (TABLE_SECTION.test(line)) inside = true;
		else if (AFTER_TABLES.test(line)) inside = false;
		run = inside && LONE_FIGURE.test(line) ? run + 1 : 0;
		if (run >= 3) return true;
	}
	return false;
}

const LONE_FIGURE = /^[\d０-９][\d０-９.,，]*$/;

function readWordDump(lines: string[]): SourceDocument {
	const blocks: Block[] = [];
	let rows: string[][] | null = null;
	let row: string[] = [];
	let previousWasCell = false;

	const flushRow = () => {
		if (row.length && rows) rows.push(row);
		row = [];
	};
	const closeTable = () => {
		flushRow();
		if (rows && rows.length) blocks.push({ kind: 'table', rows });
		rows = null;
	};

	for (const line of lines) {
		if (line.includes('\t')) {
			rows ??= [];
			const pieces = line.split('\t');
			if (pieces[0].trim() === '') pieces.shift();
			if (pieces.length >= 2) {
				flushRow();
				rows.push(pieces);
				previousWasCell = false;
			} else {
				row.push(pieces[0] ?? '');
				previousWasCell = true;
			}
		} else if (line.trim() === '') {
			if (rows) flushRow();
			previousWasCell = false;
		} else if (rows && previousWasCell && row.length && !SECTION_HEADING.test(line)) {
			const last = row[row.length - 1];
			if (isValueToken(last) && isValueToken(line)) row.push(line);
			else row[row.length - 1] = last + line.trim();
		} else {
			closeTable();
			blocks.push({ kind: 'text', text: line });
			previousWasCell = false;
		}
	}
	closeTable();
	return { blocks, layout: 'Word 文本（每个单元格一行）' };
}
