/**
 * A row's figures put into its table's columns by where they stand (PDF glyph positions, the
 * character columns of pdftotext -layout): a blank cell leaves no text, and only the places of the
 * others tell which cell is missing.
 */

/**
 * The row's `columns` cells: each figure in the column `columnOf` gives it, the columns none falls
 * into blank (`blank(k)`). Undefined when a figure falls in no column, or figures do not fall
 * left to right one a column: the row stays as printed.
 */
export function intoColumns<T>(figures: T[], columns: number, columnOf: (figure: T) => number, blank: (column: number) => T): T[] | undefined {
	const taken = figures.map(columnOf);
	if (taken.some((k, i) => k < 0 || (i > 0 && k <= taken[i - 1]))) return undefined;
	return Array.from({ length: columns }, (_, k) => {
		const i = taken.indexOf(k);
		return i >= 0 ? figures[i] : blank(k);
	});
}
