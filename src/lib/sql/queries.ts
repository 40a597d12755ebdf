/**
 * SQL for every view, built by small pure functions from the typed filter state. Values are
 * bound parameters (`?`); table, column and code names come only from the schema modules.
 */
import { MEASURES, QUANTITIES, type Measure } from '../schema/measures';
import type { CompareBy, Filters } from './filters';
import { APPEAL_CELLS, OUTCOME_ROW_CODES, appealColumn, outcomeColumn, quantityColumn } from './derived';

/** The tables a query reads: the loader makes sure they are there before it runs (no SQL is pattern-matched). */
export type TableRead = 'report_values' | 'reports' | 'figures' | 'checks';

export interface Query {
	sql: string;
	params: unknown[];
	reads: TableRead[];
}

/** A WHERE clause and its bound values, to put inside a query. */
export interface Clause {
	sql: string;
	params: unknown[];
}

export type { CompareBy, Filters } from './filters';

/** WHERE clause over report_values (alias optional). */
export function whereClause(f: Filters, alias = ''): Clause {
	const a = alias ? `${alias}.` : '';
	const parts: string[] = [];
	const params: unknown[] = [];
	const eq = (col: string, v: unknown) => {
		parts.push(`${a}${col} = ?`);
		params.push(v);
	};
	if (f.province) eq('province', f.province);
	if (f.city) eq('city', f.city);
	if (f.county) eq('county', f.county);
	if (f.kind) eq('agency_kind', f.kind);
	if (f.format) eq('format', f.format);
	if (f.q) {
		parts.push(`contains(${a}agency, ?)`);
		params.push(f.q);
	}
	if (f.from !== null) {
		parts.push(`${a}year >= ?`);
		params.push(f.from);
	}
	if (f.to !== null) {
		parts.push(`${a}year <= ?`);
		params.push(f.to);
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const SUMS = [
	...QUANTITIES.map((q) => `sum(${quantityColumn(q.code)}) AS ${q.code}`),
	...OUTCOME_ROW_CODES.map((row) => `sum(${outcomeColumn(row)}) AS ${outcomeColumn(row)}`),
	...APPEAL_CELLS.map(({ row, col }) => `sum(${appealColumn(row, col)}) AS ${appealColumn(row, col)}`)
].join(', ');

/**
 * Every quantity, outcome row and appeal cell summed per year: one query draws the whole
 * overview (headline figures, trends, applicant mix, outcome tree, appeals).
 */
export function yearlyQuery(f: Filters): Query {
	const w = whereClause(f);
	return {
		sql: `SELECT year, sum(n_reports)::INTEGER AS reports, sum(n_generated)::INTEGER AS generated, ${SUMS} FROM report_values ${w.sql} GROUP BY year ORDER BY year`,
		params: w.params,
		reads: ['report_values']
	};
}

/** Outcome rows (total column) over all years of yearlyQuery's rows: (row_code, value). */
export function outcomesFromYearly(rows: Record<string, unknown>[]): { row_code: string; value: number }[] {
	return OUTCOME_ROW_CODES.map((row) => ({ row_code: row, value: rows.reduce((s, r) => s + (Number(r[outcomeColumn(row)]) || 0), 0) }));
}

/** Appeal cells over all years of yearlyQuery's rows: (row_code, col_code, value). */
export function appealsFromYearly(rows: Record<string, unknown>[]): { row_code: string; col_code: string; value: number }[] {
	return APPEAL_CELLS.map(({ row, col }) => ({ row_code: row, col_code: col, value: rows.reduce((s, r) => s + (Number(r[appealColumn(row, col)]) || 0), 0) }));
}

/** SQL for a measure over summed quantities; NULL when the denominator is 0. */
export function measureExpr(m: Measure): string {
	const s = (codes: string[]) => codes.map((c) => `coalesce(sum(${quantityColumn(c)}), 0)`).join(' + ');
	if (m.kind === 'count') return `(${s(m.numerator)})`;
	const den = m.minus ? `(${s(m.denominator!)}) - (${s(m.minus)})` : `(${s(m.denominator!)})`;
	return `(${s(m.numerator)}) / nullif(${den}, 0)`;
}

export function denominatorExpr(m: Measure): string {
	const codes = m.denominator ?? m.numerator;
	const base = codes.map((c) => `coalesce(sum(${quantityColumn(c)}), 0)`).join(' + ');
	return m.minus ? `(${base}) - (${m.minus.map((c) => `coalesce(sum(${quantityColumn(c)}), 0)`).join(' + ')})` : `(${base})`;
}

export function groupKey(by: CompareBy): string {
	return by === 'county' ? `coalesce(county, city, province, '未知')` : by === 'kind' ? 'agency_kind' : `coalesce(division_code, '') || '|' || agency`;
}

/** A measure per group and year, optionally limited to chosen groups. */
export function compareQuery(f: Filters, by: CompareBy, items: string[], measureCode: string): Query {
	const m = MEASURES.find((x) => x.code === measureCode);
	if (!m) throw new Error(`unknown measure ${measureCode}`);
	const w = whereClause(f);
	const key = groupKey(by);
	const itemSql = items.length ? `${w.sql ? ' AND' : 'WHERE'} ${key} IN (${items.map(() => '?').join(', ')})` : '';
	return {
		sql: `SELECT ${key} AS key, any_value(${by === 'agency' ? 'agency' : key}) AS label, year, ${measureExpr(m)} AS value, ${denominatorExpr(m)} AS base, sum(n_reports)::INTEGER AS reports, sum(n_generated)::INTEGER AS generated FROM report_values ${w.sql}${itemSql} GROUP BY key, year ORDER BY key, year`,
		params: [...w.params, ...items],
		reads: ['report_values']
	};
}

/** Groups available to compare, largest first. */
export function groupsQuery(f: Filters, by: CompareBy): Query {
	const w = whereClause(f);
	const key = groupKey(by);
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, ${key} AS key, any_value(${by === 'agency' ? 'agency' : key}) AS label, sum(n_reports)::INTEGER AS reports, coalesce(sum(q_new), 0) AS new FROM report_values ${w.sql} GROUP BY key ORDER BY new DESC, key LIMIT 500`,
		params: w.params,
		reads: ['report_values']
	};
}

export function agenciesQuery(f: Filters): Query {
	const w = whereClause(f);
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, ${groupKey('agency')} AS key, agency, any_value(county) AS county, any_value(agency_kind) AS kind, count(*)::INTEGER AS reports, bool_or(origin = 'generated') AS generated, sum(failed_checks)::INTEGER AS failed FROM report_values ${w.sql} GROUP BY key, agency ORDER BY any_value(division_code), agency LIMIT 2000`,
		params: w.params,
		reads: ['report_values']
	};
}

export function agencyReportsQuery(agencyKey: string): Query {
	return { sql: `SELECT * FROM report_values WHERE ${groupKey('agency')} = ? ORDER BY year, report_id`, params: [agencyKey], reads: ['report_values'] };
}

export function reportFiguresQuery(reportId: string): Query {
	return { sql: `SELECT table_code, row_code, col_code, value, raw, unit FROM figures WHERE report_id = ?`, params: [reportId], reads: ['figures'] };
}

export function reportChecksQuery(reportId: string): Query {
	return {
		sql: `SELECT check_code, kind, rule, passed, expected, actual, cells, blank_cells, missing_cells, message FROM checks WHERE report_id = ? ORDER BY passed NULLS FIRST, check_code`,
		params: [reportId],
		reads: ['checks']
	};
}

/** Failed checks by rule, over the filtered reports. */
export function failedByRuleQuery(f: Filters): Query {
	const w = whereClause(f, 'r');
	return {
		sql: `SELECT c.rule, count(*) FILTER (WHERE c.passed = false)::INTEGER AS failed, count(DISTINCT c.report_id) FILTER (WHERE c.passed = false)::INTEGER AS reports, count(*)::INTEGER AS checked FROM checks c JOIN report_values r USING (report_id) ${w.sql} GROUP BY c.rule ORDER BY failed DESC, c.rule`,
		params: w.params,
		reads: ['checks', 'report_values']
	};
}

export function failedChecksQuery(f: Filters): Query {
	const w = whereClause(f, 'r');
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, r.report_id, r.agency, r.year, r.origin, ${groupKey('agency')} AS agency_key, c.check_code, c.message FROM checks c JOIN report_values r USING (report_id) ${w.sql ? w.sql + ' AND' : 'WHERE'} c.passed = false ORDER BY r.division_code, r.agency, r.year, c.check_code LIMIT 1000`,
		params: w.params,
		reads: ['checks', 'report_values']
	};
}

/** The report's words against its tables (kind `text`), per region and agency: statements and disagreements. */
export function textAgreementQuery(f: Filters): Query {
	const w = whereClause(f, 'r');
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, coalesce(any_value(r.county), any_value(r.city), any_value(r.province), '未知') AS region, r.agency, ${groupKey('agency')} AS agency_key, count(*)::INTEGER AS statements, count(*) FILTER (WHERE c.passed = false)::INTEGER AS disagree, count(*) FILTER (WHERE c.passed IS NULL)::INTEGER AS unchecked, bool_or(r.origin = 'generated') AS generated FROM checks c JOIN report_values r USING (report_id) ${w.sql ? w.sql + ' AND' : 'WHERE'} c.kind = 'text' GROUP BY agency_key, r.agency ORDER BY disagree DESC, region, r.agency LIMIT 500`,
		params: w.params,
		reads: ['checks', 'report_values']
	};
}

/** What the ingest could not read (kind `extraction`): per report, with its source file and the reason. */
export function unreadQuery(f: Filters): Query {
	const w = whereClause(f, 'r');
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, r.report_id, r.agency, r.year, r.origin, r.source_name, ${groupKey('agency')} AS agency_key, c.check_code, c.message FROM checks c JOIN report_values r USING (report_id) ${w.sql ? w.sql + ' AND' : 'WHERE'} c.kind = 'extraction' ORDER BY r.division_code, r.agency, r.year, c.check_code LIMIT 1000`,
		params: w.params,
		reads: ['checks', 'report_values']
	};
}

export function coverageQuery(f: Filters): Query {
	const w = whereClause(f);
	return {
		sql: `SELECT ${groupKey('agency')} AS key, agency, year, count(*)::INTEGER AS reports, sum(failed_checks)::INTEGER AS failed FROM report_values ${w.sql} GROUP BY key, agency, year ORDER BY key, year`,
		params: w.params,
		reads: ['report_values']
	};
}

export function blankZeroQuery(f: Filters): Query {
	const w = whereClause(f);
	return {
		sql: `SELECT source_form AS form, origin, sum(n_reports)::INTEGER AS reports, sum(blank_cells)::INTEGER AS blank, sum(zero_cells)::INTEGER AS zero, sum(cells)::INTEGER AS cells FROM report_values ${w.sql} GROUP BY ALL ORDER BY form, origin`,
		params: w.params,
		reads: ['report_values']
	};
}

/**
 * Data quality per region (the compare view's regions): reports with a failed check, failed checks,
 * blank and zero cells. Sums only, so it runs on rollups as on reports.
 */
export function qualityByRegionQuery(f: Filters): Query {
	const w = whereClause(f);
	return {
		sql: `SELECT count(*) OVER ()::INTEGER AS total_rows, ${groupKey('county')} AS region, sum(n_reports)::INTEGER AS reports, sum(n_generated)::INTEGER AS generated, sum(n_failed)::INTEGER AS failed_reports, sum(failed_checks)::INTEGER AS failed_checks, sum(blank_cells)::INTEGER AS blank, sum(zero_cells)::INTEGER AS zero, sum(cells)::INTEGER AS cells FROM report_values ${w.sql} GROUP BY region ORDER BY sum(n_failed) / sum(n_reports) DESC, region LIMIT 500`,
		params: w.params,
		reads: ['report_values']
	};
}

export function domainQueries() {
	return {
		regions: `SELECT DISTINCT province, city, county FROM reports ORDER BY 1, 2, 3`,
		years: `SELECT DISTINCT year FROM reports ORDER BY year`,
		agencies: `SELECT DISTINCT ${groupKey('agency')} AS key FROM reports`,
		reports: `SELECT report_id FROM reports`
	};
}

/** Every figure of the filtered reports, long form: one row per report × cell. */
export function figuresLongQuery(f: Filters): Query {
	const w = whereClause(f, 'r');
	return {
		sql: `SELECT r.report_id, r.agency, r.agency_kind, r.province, r.city, r.county, r.division_code, r.year, r.format, r.origin, r.source_name, f.table_code, f.row_code, f.col_code, f.value, f.raw, f.unit FROM figures f JOIN report_values r USING (report_id) ${w.sql} ORDER BY r.division_code, r.agency, r.year, r.report_id, f.table_code, f.row_code, f.col_code`,
		params: w.params,
		reads: ['figures', 'report_values']
	};
}
