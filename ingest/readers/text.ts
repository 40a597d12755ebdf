/**
 * Text dumps of Word documents (like the sample): each table cell on a line of its own that
 * starts with a tab, rows separated by blank lines; a line without a tab right after a cell
 * continues it (a header split over lines) or, for figures, is the next value of a merged
 * cell. Lines with several tab-separated cells (text copied from a web page) are whole rows.
 */
import { isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';

const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、/;

export function readText(text: string): SourceDocument {
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

	for (const line of text.split(/\r\n|\r|\n/)) {
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
	return { blocks };
}
