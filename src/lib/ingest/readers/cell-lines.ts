/**
 * Crawler text that kept each table cell on a line of its own, closed by ` |` ("自然人 |",
 * "0 |"), or a row's cells on one line ("规章 | 0 | 0 | 0 |"); some close a row with a run of bars
 * for the places its spans cover ("||"), others mark nowhere where a row ends. Rows are found again by the format's one
 * constant, order: a row is its label cells followed by its figures, so a label after a figure
 * (or after an empty cell) starts the next row. Header cells stay in front of the first row's
 * label, where the aligner passes over them (it names a row by its last label).
 */
import { isMisread, isValueToken } from '../cells';
import type { Block } from '../document';

/** A line that closes with a bar: one cell ("自然人 |", "|"), a run of bars, or a row of cells ("规章 | 0 | 0 | 0 |"). */
const BAR_LINE = /\|\s*$/;
/** Enough cell lines that the text is this layout rather than prose with a stray bar. */
const MIN_CELL_LINES = 20;
/** A report section's heading ends a run of cells; a numbered row label (一、本年新收…) broken over lines does not. */
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*(总体情况|主动公开|收到和处理|[^，。|]{0,20}(行政复议|行政诉讼)|存在|其他需要)/;

/** Rows written `| a | b | ||` without markdown's separator line are this layout too (markdown proper is read before). */
const isCellLine = (line: string) => BAR_LINE.test(line);

/** A cell's text as a cell line ("自然人 |"; an empty cell "|"): for readers that find cells one per line without the bars. */
export function asCellLine(text: string): string {
	const t = text.trim();
	return t ? `${t} |` : '|';
}

export function looksLikeCellLines(lines: string[]): boolean {
	let n = 0;
	for (const line of lines) if (isCellLine(line)) n++;
	return n >= MIN_CELL_LINES;
}

/** Where a row ends for certain: some crawlers close a row with one bar per grid place a span covered ("||"). */
export const ROW_END = '\u0000row-end';

/**
 * A bar line's cells: text closed by a bar is a cell, a bar alone is an empty cell, and two or
 * more bars together (after a cell's own) are the row's spanned places: its end.
 */
export function cellsOfLine(line: string): string[] {
	const out: string[] = [];
	// `| a | b |`: a bar before a line's first text opens the row, as in Markdown; read as an empty
	// cell, it pushed the row's figures one place right, so that a blank last cell took the
	// figure before it. A bar alone on its line ("|") is still an empty cell.
	const opened = /^\s*\|[^|]*[^|\s][^|]*\|/.exec(line);
	if (opened) line = line.slice(line.indexOf('|') + 1);
	const re = /([^|]*)(\|+)/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(line))) {
		const text = m[1].trim();
		let bars = m[2].length;
		if (text !== '') {
			out.push(text);
			bars--;
		}
		if (bars === 1) out.push('');
		else if (bars >= 2) out.push(ROW_END);
	}
	return out;
}

/** Groups a table's cells back into rows: a row end, or a label cell after a figure or an empty cell, opens a row. */
export function rowsOfCells(cells: string[]): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let afterFigure = false;
	const next = () => {
		if (row.length) rows.push(row);
		row = [];
		afterFigure = false;
	};
	for (const cell of cells) {
		if (cell === ROW_END) {
			next();
			continue;
		}
		// A misread figure (`a` among the figures) holds its figure's place: it opens no row.
		const label = cell !== '' && !isValueToken(cell) && !isMisread(cell);
		// Bars alone before a label open its row (a crawler's "|" in front of each row): no row of their own.
		if (label && row.length && row.every((c) => c === '')) row = [];
		if (label && afterFigure) next();
		row.push(cell);
		if (!label) afterFigure = true;
	}
	next();
	return rows;
}

/**
 * Text blocks for the prose, a table block for each run of cell lines. A line without the bar
 * inside a run (a label broken over two lines) is the start of the next cell.
 */
export function readCellLines(lines: string[]): { blocks: Block[]; layout: string } {
	const blocks: Block[] = [];
	let cells: string[] | null = null;
	let pending = '';
	// Lines of several cells (a row each) against lines of one, for the layout's name.
	let rowLines = 0;
	let cellLines = 0;
	const close = () => {
		if (cells?.some((c) => c !== ROW_END)) blocks.push({ kind: 'table', rows: rowsOfCells(cells) });
		cells = null;
		if (pending) blocks.push({ kind: 'text', text: pending });
		pending = '';
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (isCellLine(line)) {
			cells ??= [];
			const found = cellsOfLine(line);
			if (pending) {
				if (found[0] === undefined || found[0] === ROW_END) found.unshift(pending);
				else found[0] = pending + found[0];
			}
			cells.push(...found);
			// A line of several cells is a whole row.
			const several = found.filter((c) => c !== ROW_END).length > 1;
			if (several) rowLines++;
			else cellLines++;
			if (several && found[found.length - 1] !== ROW_END) cells.push(ROW_END);
			pending = '';
		} else if (cells && line.trim() !== '' && !SECTION_HEADING.test(line) && isCellLine(lines[i + 1] ?? '')) {
			pending += line.trim();
		} else if (line.trim() === '' && cells) {
			continue;
		} else {
			close();
			if (line.trim()) blocks.push({ kind: 'text', text: line });
		}
	}
	close();
	return { blocks, layout: rowLines > cellLines ? '每行一个表格行，单元格以“ |”分隔，按行标签核对' : '每个单元格一行，以“ |”结尾，按行标签分行' };
}
