/**
 * Crawler text that kept each table cell on a line of its own, closed by ` |` ("自然人 |",
 * "0 |"), with nothing that marks where a row ends. Rows are found again by the format's one
 * constant, order: a row is its label cells followed by its figures, so a label after a figure
 * (or after an empty cell) starts the next row. Header cells stay in front of the first row's
 * label, where the aligner passes over them (it names a row by its last label).
 */
import { isValueToken } from '../cells';
import type { Block } from '../document';

const CELL_LINE = /(?:^|\s)\|\s*$/;
/** Enough cell lines that the text is this layout rather than prose with a stray bar. */
const MIN_CELL_LINES = 20;
/** A markdown table row (`| a | b |`) also ends in a bar; it is another layout. */
const MARKDOWN_ROW = /^\s*\|.*\S.*\|\s*$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]/;

export function looksLikeCellLines(lines: string[]): boolean {
	let n = 0;
	for (const line of lines) if (CELL_LINE.test(line) && !MARKDOWN_ROW.test(line)) n++;
	return n >= MIN_CELL_LINES;
}

const cellText = (line: string) => line.replace(/\s*\|\s*$/, '').trim();

/** Groups a table's cells back into rows: a label cell after a figure or an empty cell opens a row. */
export function rowsOfCells(cells: string[]): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let afterFigure = false;
	for (const cell of cells) {
		const label = cell !== '' && !isValueToken(cell);
		if (label && afterFigure) {
			rows.push(row);
			row = [];
			afterFigure = false;
		}
		row.push(cell);
		if (!label) afterFigure = true;
	}
	if (row.length) rows.push(row);
	return rows;
}

/**
 * Text blocks for the prose, a table block for each run of cell lines. A line without the bar
 * inside a run (a label broken over two lines) is the start of the next cell.
 */
export function readCellLines(lines: string[]): Block[] {
	const blocks: Block[] = [];
	let cells: string[] | null = null;
	let pending = '';
	const close = () => {
		if (cells?.length) blocks.push({ kind: 'table', rows: rowsOfCells(cells) });
		cells = null;
		if (pending) blocks.push({ kind: 'text', text: pending });
		pending = '';
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (CELL_LINE.test(line)) {
			cells ??= [];
			cells.push((pending + cellText(line)).trim());
			pending = '';
		} else if (cells && line.trim() !== '' && !SECTION_HEADING.test(line) && CELL_LINE.test(lines[i + 1] ?? '')) {
			pending += line.trim();
		} else if (line.trim() === '' && cells) {
			continue;
		} else {
			close();
			if (line.trim()) blocks.push({ kind: 'text', text: line });
		}
	}
	close();
	return blocks;
}
