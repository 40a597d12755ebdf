/**
 * Markdown tables as OCR tools write them (| a | b |): rows come apart from their labels (a
 * label alone on one row, its figures on the next) and neighbouring figures may run together
 * in one cell. Rows are put back together here; figures that ran together are cut later by the
 * format's arithmetic (reconstruct.ts).
 */
import { cleanText, isMisread, isValueToken, labelPieces } from '../cells';
import type { Block, SourceDocument } from '../document';

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function looksLikeMarkdownTables(lines: string[]): boolean {
	return lines.filter((l) => TABLE_LINE.test(l)).length >= 5 && lines.some((l) => SEPARATOR.test(l));
}

function cellsOf(line: string): string[] {
	const cells = line
		.trim()
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((c) => c.trim());
	return cells;
}

/**
 * Empty cells an OCR grid pads rows with past the table's last column carry nothing; an empty
 * cell inside it is a blank (a 总计 left empty), kept in its place.
 */
function withinTable(rows: string[][]): string[][] {
	const width = Math.max(0, ...rows.map((row) => row.findLastIndex((c) => c !== '') + 1));
	return rows.map((row) => (row.length > width ? row.slice(0, width) : row));
}

/**
 * Empty cells in the label columns (a label spanning them, as OCR writes it) dropped from the
 * rows of figures, so that an empty cell left in a row is a blank figure. Left in, they were
 * taken together with a blank first figure for the label's span, and the row, one cell short,
 * had its last figure cut in two (74 → 7, 4). Whole rows (cells merged or lost make a row
 * shorter) tell which columns hold labels.
 */
function withoutLabelPadding(rows: string[][]): string[][] {
	const lengths = new Map<number, number>();
	for (const row of rows) if (hasFigure(row)) lengths.set(row.length, (lengths.get(row.length) ?? 0) + 1);
	const width = [...lengths].sort((a, b) => b[1] - a[1])[0]?.[0];
	if (width === undefined) return rows;
	// Label columns: up to the last one holding a label's text in any whole row of figures (a row
	// of figures alone, section 四's, has none: its empty first cell is a blank figure).
	const labelColumns = Math.max(0, ...rows.filter((r) => r.length === width && hasFigure(r)).map((r) => r.findLastIndex(isText) + 1));
	return rows.map((row) => (hasFigure(row) ? row.filter((c, i) => i >= labelColumns || c !== '') : row));
}

// A misread figure still holds a figure's place: its row is a row of figures.
const hasFigure = (row: string[]) => row.some((c) => isValueToken(c) || isMisread(c));
// A misread figure (`Q` among the figures) is no text: a label joins the row's label, not it.
const isText = (c: string) => cleanText(c) !== '' && !isValueToken(c) && !isMisread(c);
const textCells = (row: string[]) => row.filter(isText);

/** A label that came apart from its figures joins the next row that has figures. */
function joinApart(rows: string[][]): string[][] {
	const out: string[][] = [];
	let pending: string | null = null;
	for (const row of rows) {
		const labels = textCells(row);
		if (!hasFigure(row) && labels.length === 1 && row.filter((c) => c !== '').length === 1) {
			pending = pending === null ? labels[0] : pending + labels[0];
			continue;
		}
		if (pending !== null) {
			if (hasFigure(row)) {
				// Put the label into the row's first text cell (a label broken over two rows) or its first cell.
				const at = row.findIndex(isText);
				const joined = [...row];
				if (at >= 0 && at < row.findIndex((c) => isValueToken(c))) joined[at] = pending + joined[at];
				else joined.unshift(pending);
				out.push(joined);
			} else {
				out.push([pending], row);
			}
			pending = null;
			continue;
		}
		out.push(row);
	}
	if (pending !== null) out.push([pending]);
	return out;
}

export function readMarkdown(lines: string[]): SourceDocument {
	const blocks: Block[] = [];
	let rows: string[][] = [];
	const closeTable = () => {
		if (rows.length)
			blocks.push({
				kind: 'table',
				rows: joinApart(withoutLabelPadding(withinTable(rows))).map((row) => row.flatMap((c) => (isValueToken(c) || c === '' ? [c] : labelPieces(c))))
			});
		rows = [];
	};
	for (const line of lines) {
		if (SEPARATOR.test(line)) continue;
		if (TABLE_LINE.test(line)) {
			rows.push(cellsOf(line));
			continue;
		}
		if (line.trim() === '') continue;
		closeTable();
		blocks.push({
			kind: 'text',
			text: line
				.replace(/^#+\s*/, '')
				.replace(/\*\*/g, '')
				.trim()
		});
	}
	closeTable();
	return { blocks, runTogether: true, markdown: true, layout: 'Markdown 表格（OCR）' };
}
