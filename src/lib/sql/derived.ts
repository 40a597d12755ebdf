/**
 * The per-report wide table `report_values` (one column per quantity of the schema), built once
 * after loading; every chart query reads it. Names come from the schema module only.
 */
import { QUANTITIES, type Term } from '../schema/measures';
import { APPEAL_COLUMNS, FORMATS } from '../schema/report-format';

/** Outcome rows (total column) and appeal cells as columns, so charts never scan the long figures. */
export const OUTCOME_ROW_CODES = FORMATS['2021'].requests.rows.filter((r) => r.group).map((r) => r.code);
export const APPEAL_CELLS = FORMATS['2021'].appeals.rows.flatMap((r) => APPEAL_COLUMNS.map((c) => ({ row: r.code, col: c.code })));
export const outcomeColumn = (row: string) => `o_${row}`;
export const appealColumn = (row: string, col: string) => `a_${row}_${col}`;

export function quantityColumn(code: string): string {
	if (!QUANTITIES.some((q) => q.code === code)) throw new Error(`unknown quantity ${code}`);
	return `q_${code}`;
}

/**
 * The checks a report's `failed_checks` counts: the format's identities and the carry-over. What
 * could not be read (`extraction`) and the words against the tables (`text`) are listed apart.
 */
const IDENTITY_KINDS = "'identity', 'carry_over'";

/** Every column of report_values that sums cells: its name and the sets of cells (a fallback second) it sums. */
function cellColumns(): { name: string; sets: Term[][] }[] {
	return [
		...QUANTITIES.map((q) => ({ name: quantityColumn(q.code), sets: q.fallback ? [q.terms, q.fallback] : [q.terms] })),
		...OUTCOME_ROW_CODES.map((row) => ({ name: outcomeColumn(row), sets: [[{ table: 'requests' as const, row, col: 'total' }]] })),
		...APPEAL_CELLS.map(({ row, col }) => ({ name: appealColumn(row, col), sets: [[{ table: 'appeals' as const, row, col }]] }))
	];
}

/**
 * The figures are joined to a small table of (cell → numbered set) and summed per report and set,
 * then spread into columns by the set's number, found in each report's list of set numbers beside
 * its list of sums (both taken from one list of pairs, so they stay aligned): one hash join and two
 * group-bys. A FILTER per column compared three strings ~80 times for every figure (5× slower); a
 * FILTER per column on the set's number took twice as long; a MAP of each report's sums, three
 * quarters longer (building the maps); two lists aggregated apart, the same time but not aligned
 * by any rule DuckDB states, and sorted to align them, half as long again.
 */
export function reportValuesSql(): string {
	const columns = cellColumns();
	const map: string[] = [];
	let set = 0;
	const exprs = columns.map(({ name, sets }) => {
		const ids = sets.map((terms) => {
			const id = set++;
			for (const t of terms) map.push(`('${t.table}', '${t.row}', '${t.col}', ${id})`);
			return `vs[list_position(ids, ${id})]`;
		});
		return `${ids.length > 1 ? `coalesce(${ids.join(', ')})` : ids[0]} AS ${name}`;
	});
	return `CREATE OR REPLACE TABLE report_values AS
WITH m(table_code, row_code, col_code, set_id) AS (VALUES ${map.join(', ')}),
s AS (SELECT f.report_id, m.set_id, sum(f.value) AS v FROM figures f JOIN m ON f.table_code = m.table_code AND f.row_code = m.row_code AND f.col_code = m.col_code GROUP BY f.report_id, m.set_id),
sums AS (SELECT report_id, [p.set_id FOR p IN pairs] AS ids, [p.v FOR p IN pairs] AS vs FROM (SELECT report_id, list({'set_id': set_id, 'v': v}) AS pairs FROM s GROUP BY report_id)),
w AS (SELECT report_id, ${exprs.join(',\n  ')} FROM sums),
n AS (SELECT report_id, count(*) FILTER (WHERE value IS NULL) AS blank_cells, count(*) FILTER (WHERE value = 0) AS zero_cells, count(*) AS cells FROM figures GROUP BY report_id),
c AS (SELECT report_id, count(*) FILTER (WHERE passed = false) AS failed_checks, count(*) FILTER (WHERE passed IS NULL) AS unchecked FROM checks WHERE kind IN (${IDENTITY_KINDS}) GROUP BY report_id)
SELECT r.*, ${columns.map((c) => `w.${c.name}`).join(', ')}, n.blank_cells, n.zero_cells, n.cells, coalesce(c.failed_checks, 0) AS failed_checks, coalesce(c.unchecked, 0) AS unchecked,
  1 AS n_reports, (r.origin = 'generated')::INTEGER AS n_generated, (coalesce(c.failed_checks, 0) > 0)::INTEGER AS n_failed
FROM reports r LEFT JOIN w USING (report_id) LEFT JOIN n USING (report_id) LEFT JOIN c USING (report_id)`;
}

/**
 * Columns of report_values that add up over reports. A rollup row carries their sums, so every
 * chart query (which sums them, counting reports as sum(n_reports)) runs unchanged on a rollup.
 */
export const SUMMABLE_COLUMNS: readonly string[] = [
	'n_reports',
	'n_generated',
	'n_failed',
	...QUANTITIES.map((q) => quantityColumn(q.code)),
	...OUTCOME_ROW_CODES.map(outcomeColumn),
	...APPEAL_CELLS.map(({ row, col }) => appealColumn(row, col)),
	'blank_cells',
	'zero_cells',
	'cells',
	'failed_checks',
	'unchecked'
];

/** What a rollup row is grouped by: the region, agency kind, year, format and where it came from. */
export const ROLLUP_KEYS = ['province', 'city', 'county', 'division_code', 'agency_kind', 'year', 'format', 'origin', 'source_form'] as const;

export type RollupLevel = 'province' | 'county';

/**
 * SELECT of a rollup over report_values. `county` keeps each
 * agency's own division (a county, or a city's or province's own agencies); `province` folds
 * them into the province (division code `XX0000`). `agency` stays in as NULL, so the same WHERE
 * clauses apply.
 */
export function rollupSelectSql(level: RollupLevel): string {
	const keys =
		level === 'county'
			? ROLLUP_KEYS.join(', ')
			: ROLLUP_KEYS.map((k) =>
					k === 'city' || k === 'county' ? `NULL::VARCHAR AS ${k}` : k === 'division_code' ? `rpad(left(division_code, 2), 6, '0') AS division_code` : k
				).join(', ');
	const sums = SUMMABLE_COLUMNS.map((c) => `sum(${c})${c.startsWith('n_') ? '::INTEGER' : ''} AS ${c}`).join(', ');
	return `SELECT ${keys}, NULL::VARCHAR AS agency, ${sums} FROM report_values GROUP BY ALL`;
}
