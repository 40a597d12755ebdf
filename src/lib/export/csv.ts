/**
 * CSV for Excel on Chinese Windows: UTF-8 with BOM, CRLF, RFC 4180 quoting, and text cells that
 * would run as a formula (= + - @ tab CR) neutralised with a leading apostrophe. Numbers are
 * written as numbers, unformatted, so they equal what the table view shows.
 */
export interface CsvColumn {
	key: string;
	/** Header: Chinese label, code and unit where useful, e.g. 新收申请 new（件）. */
	header: string;
}

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
	let s = String(v);
	if (FORMULA.test(s)) s = `'${s}`;
	return /[",\r\n']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: CsvColumn[], rows: Record<string, unknown>[]): string {
	const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])).join(','))];
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** A file name that says what and which filters: 政府信息公开_新收申请_金水区_2019-2025.csv */
export function csvFileName(parts: (string | number | null | undefined)[]): string {
	const name = parts
		.filter((p) => p !== null && p !== undefined && p !== '')
		.map((p) => String(p).replace(/[\\/:*?"<>|\s]+/g, '-'))
		.join('_')
		.slice(0, 150);
	return `${name || 'export'}.csv`;
}
