/**
 * Columns of a table view, shared by the on-screen table and its CSV export so that both show
 * the same numbers: counts in full (1,234), rates as percentages with one decimal.
 */
import type { CsvColumn } from '../export/csv';
import { t, type Lang } from '../i18n';

export interface Column {
	key: string;
	label: string;
	kind?: 'text' | 'count' | 'rate';
	/** Unit for the CSV header (件, 份, 万元); rates get %. */
	unit?: string;
	/** A value computed from the row, when it is not the row's own field. */
	value?: (row: Record<string, unknown>) => unknown;
}

export interface TableData {
	columns: Column[];
	rows: Record<string, unknown>[];
}

export function cellValue(c: Column, row: Record<string, unknown>): unknown {
	return c.value ? c.value(row) : row[c.key];
}

function num(v: unknown): number | null {
	if (v === null || v === undefined || v === '') return null;
	const n = Number(v);
	return Number.isFinite(n) ? n : null;
}

/** The number a rate shows as, in percent rounded to one decimal. */
export function ratePercent(v: unknown): number | null {
	const n = num(v);
	return n === null ? null : Math.round(n * 1000) / 10;
}

export function display(c: Column, row: Record<string, unknown>): string {
	const v = cellValue(c, row);
	if (c.kind === 'rate') {
		const p = ratePercent(v);
		return p === null ? '—' : `${p.toFixed(1)}%`;
	}
	if (c.kind === 'count') {
		const n = num(v);
		return n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
	}
	return v === null || v === undefined || v === '' ? '—' : String(v);
}

const UNIT_KEYS = { 件: 'unitCases', 份: 'unitReports' } as const;

/** CSV headers: the label and its unit in the page's language (申请数（件）, Applications (cases)). */
export function csvColumns(columns: Column[], lang: Lang): CsvColumn[] {
	const unit = (c: Column) => (c.kind === 'rate' ? '%' : c.unit ? (c.unit in UNIT_KEYS ? t(lang, UNIT_KEYS[c.unit as keyof typeof UNIT_KEYS]) : c.unit) : '');
	return columns.map((c) => ({ key: c.key, header: unit(c) ? t(lang, 'withUnit', { label: c.label, unit: unit(c) }) : c.label }));
}

export function csvRows(data: TableData): Record<string, unknown>[] {
	return data.rows.map((r) =>
		Object.fromEntries(data.columns.map((c) => [c.key, c.kind === 'rate' ? ratePercent(cellValue(c, r)) : c.kind === 'count' ? num(cellValue(c, r)) : cellValue(c, r)]))
	);
}
