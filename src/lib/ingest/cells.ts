/**
 * Cell text rules: what a printed table cell means. Word artefacts, no-break and full-width
 * spaces, full-width digits and thousands separators are normalised; an empty cell and a marker
 * (—, -, /, 无) are both "not printed": NULL, never zero (the marker stays in `raw`); units of
 * money are kept.
 */

/** `stacked`: two figures on separate lines of one cell (a merged cell holding two rows' figures): which is which is not known, so neither is read. */
export type CellState = 'number' | 'none' | 'blank' | 'stacked';

export interface ValueCell {
	raw: string;
	value: number | null;
	state: CellState;
	unit?: '元' | '万元';
}

const ARTEFACTS = /\[bookmark:[^\]]*\]|\[\/?[a-z]+:[^\]]*\]|[\u200b-\u200f\u2060\ufeff\u00ad]/gi;
const SPACES = /[\s\u00a0\u3000\u2002-\u200a\u202f\u205f]+/g;
const NONE = /^(?:[—–\-－―─\u2212/／\\]+|无|無|空|\/)$/;
// A zero printed or recognised as a letter or a circle (OCR reads 0 as O): alone or among digits (1O5).
const ZERO_LOOKALIKES = /[OoОоΟοＯｏ〇○◯]/g;
const ZERO_LOOKALIKE = /^(?=.*[OoОоΟοＯｏ〇○◯])[\dOoОоΟοＯｏ〇○◯]+$/;
const COUNT_UNITS = /(?:件|个|項|项|条|次|人次|宗|家)$/;

/**
 * `compute` once per distinct key: cell texts and labels repeat heavily across rows and reports.
 * Bounded (cleared when full); keys longer than `maxKey` are computed each time, not kept.
 */
export function memoized<T>(compute: (key: string) => T, maxKey = Infinity): (key: string) => T {
	// undefined is a value too (parseValueCell's "a label"): kept as LABEL so one lookup answers.
	const LABEL = Symbol('undefined');
	const memo = new Map<string, T | typeof LABEL>();
	return (key) => {
		if (key.length > maxKey) return compute(key);
		const hit = memo.get(key);
		if (hit !== undefined) return (hit === LABEL ? undefined : hit) as T;
		const value = compute(key);
		if (memo.size > 50_000) memo.clear();
		memo.set(key, value === undefined ? LABEL : value);
		return value;
	};
}

export const cleanText: (raw: string) => string = memoized((raw) => raw.replace(ARTEFACTS, '').replace(SPACES, ' ').trim(), 64);

export function toHalfWidth(s: string): string {
	return s.replace(/[\uff10-\uff19\uff0e\uff0c\uff0b\uff0d]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Parse a cell as a figure; returns undefined when the cell is a label (text), not a value. */
export const parseValueCell: (raw: string) => ValueCell | undefined = memoized((raw) => parseUncached(raw));

/** A cell's lines each a figure ("5\n3"): the readers keep such lines apart with a newline. */
const STACKED = /\d[^\S\n]*\n\s*[\d０-９]/;

function parseUncached(raw: string): ValueCell | undefined {
	if (STACKED.test(raw)) return parseUncached(raw.split('\n')[0]) ? { raw, value: null, state: 'stacked' } : undefined;
	const text = cleanText(raw);
	if (text === '') return { raw, value: null, state: 'blank' };
	if (NONE.test(text)) return { raw, value: null, state: 'none' };
	if (ZERO_LOOKALIKE.test(text)) return parseUncached(withZeros(text));
	// A minus sign (−) or an en dash (–, Word's autocorrected hyphen) before a figure is its sign (本年增/减 −2).
	let s = toHalfWidth(text)
		.replace(/\s+/g, '')
		.replace(/^[\u2212\u2013](?=\d)/, '-')
		// A unit in brackets after the figure (5（件）, 9116.36(万元)) as a unit written plainly.
		.replace(/(?<=\d)[（(](万元|元|件|个|項|项|条|次|人次|宗|家)[)）]$/, '$1');
	let unit: ValueCell['unit'];
	if (s.endsWith('万元')) {
		unit = '万元';
		s = s.slice(0, -2);
	} else if (s.endsWith('元')) {
		unit = '元';
		s = s.slice(0, -1);
	} else s = s.replace(COUNT_UNITS, '');
	// thousands separators only between groups of three digits
	if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
	if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
	const value = Number(s);
	if (!Number.isFinite(value)) return undefined;
	return { raw, value, state: 'number', unit };
}

/** A cell read as 0 though it prints a letter or a circle (O, 〇): said in the report's warnings. */
export function isZeroLookalike(raw: string): boolean {
	return ZERO_LOOKALIKE.test(cleanText(raw));
}

/** A cell's zero look-alikes as the digit 0 (`1O5` → `105`). */
export function withZeros(text: string): string {
	return text.replace(ZERO_LOOKALIKES, '0');
}

/**
 * A cell that is neither a figure nor a label's text: Latin letters, alone or among digits (an OCR
 * misreading of a figure: `a`, `Q`, `2l`, `5S`). It holds a figure's place, its figure unknown.
 */
export function isMisread(raw: string): boolean {
	// Asked of every label cell: those without a Latin letter are answered before any cleaning.
	if (raw.length > 24 || !/[A-Za-z]/.test(raw)) return false;
	const text = cleanText(raw);
	return /^(?=.*[A-Za-z])[\dA-Za-z]{1,10}$/.test(text) && parseValueCell(raw) === undefined;
}

/** A cell carries a label when it has text that is not a value. */
export function isLabelCell(raw: string): boolean {
	return parseValueCell(raw) === undefined;
}

export function isValueToken(raw: string): boolean {
	const v = parseValueCell(raw);
	return v !== undefined && v.state !== 'blank';
}

/** Convert a money value into the column's unit (万元) when the cell states its own unit. */
export function toColumnUnit(cell: ValueCell, columnUnit: '万元' | undefined): { value: number | null; unit: string | null } {
	if (cell.value === null) return { value: null, unit: columnUnit ?? cell.unit ?? null };
	if (cell.unit === '元' && columnUnit === '万元') return { value: Math.round((cell.value / 10000) * 1e6) / 1e6, unit: '万元' };
	if (cell.unit) return { value: cell.value, unit: cell.unit };
	return { value: cell.value, unit: columnUnit ?? null };
}

/** Labels of merged cells that ran together: 三、本年度办理结果（一）予以公开 → two labels. */
export function labelPieces(label: string): string[] {
	return label.split(/(?=[（(][一二三四五六七八九十]+[)）])|(?<=[^\d.])(?=\d{1,2}[.．、][^\d])/).filter((s) => s.trim() !== '');
}

/**
 * A table cell's text from its lines (a reader's paragraphs and line breaks): a label broken over
 * lines is one label; figures on separate lines stay apart by a newline, since one cell holding two
 * figures is not one number (see `stacked`).
 */
export function cellFromLines(text: string): string {
	// One line (most cells): itself, trimmed.
	if (text.indexOf('\n') < 0) return text.trim();
	const lines = text
		.split('\n')
		.map((s) => s.trim())
		.filter(Boolean);
	return lines.every((l) => isValueToken(l)) ? lines.join('\n') : lines.join('');
}
