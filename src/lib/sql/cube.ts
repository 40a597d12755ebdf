/**
 * A compact pre-aggregation of report_values (Mosaic's idea): every summable column summed per
 * region, agency kind, year and format. The ingest writes it into summary.json; the browser
 * answers the overview's one query (yearlyQuery) from it for any filter but a name search, while
 * DuckDB-WASM is still starting. Same filters, same sums, same column names as the SQL: a test
 * holds the two equal.
 */
import { rollup, sort } from 'd3-array';
import { QUANTITIES } from '../schema/measures';
import { APPEAL_CELLS, OUTCOME_ROW_CODES, appealColumn, outcomeColumn, quantityColumn } from './derived';
import type { Filters } from './filters';

/** What a cube row is grouped by: exactly what whereClause filters on, but the name search. */
export const CUBE_KEYS = ['province', 'city', 'county', 'agency_kind', 'year', 'format'] as const;
export type CubeKey = (typeof CUBE_KEYS)[number];

/** A national dataset's cube stops at provinces: its city and county filters wait for the engine. */
export const PROVINCE_CUBE_KEYS: readonly CubeKey[] = ['province', 'agency_kind', 'year', 'format'];

/** yearlyQuery's sums: [its output name, the report_values column summed]. */
const SUMS: readonly (readonly [string, string])[] = [
	['reports', 'n_reports'],
	['generated', 'n_generated'],
	...QUANTITIES.map((q) => [q.code, quantityColumn(q.code)] as const),
	...OUTCOME_ROW_CODES.map((row) => [outcomeColumn(row), outcomeColumn(row)] as const),
	...APPEAL_CELLS.map(({ row, col }) => [appealColumn(row, col), appealColumn(row, col)] as const)
];

/** Columnar JSON: the keys and sums of each row, in the order of `keys` then `columns`. */
export interface Cube {
	keys: readonly string[];
	columns: readonly string[];
	rows: (string | number | null)[][];
}

/** The cube's groups over report_values. */
function cubeGroupsSql(keys: readonly CubeKey[]): string {
	return `SELECT ${keys.join(', ')}, ${SUMS.map(([, col]) => `sum(${col}) AS ${col}`).join(', ')} FROM report_values GROUP BY ALL`;
}

export const CUBE_COLUMNS: readonly string[] = SUMS.map(([, col]) => col);

/**
 * The cube's rows, sorted by their keys: the keys as columns, the sums as one text (`[1,0.5,null,…]`)
 * made by the engine, where reading ~130,000 values one by one took the CLI ~50 ms. DuckDB's VARCHAR
 * prints a DOUBLE exactly (the shortest form that reads back to it: `0.30000000000000004`, `5.0`), so
 * JSON.parse gives the same numbers. Core functions only: DuckDB-WASM has no JSON extension to load.
 */
export function cubeRowsSql(keys: readonly CubeKey[] = CUBE_KEYS): string {
	const sums = CUBE_COLUMNS.map((c) => `coalesce(CAST(${c} AS VARCHAR), 'null')`).join(', ');
	return `SELECT ${keys.join(', ')}, '[' || concat_ws(',', ${sums}) || ']' AS sums FROM (${cubeGroupsSql(keys)}) ORDER BY ${keys.join(', ')}`;
}

/** cubeRowsSql's rows (as objects, from DuckDB in Node or the browser) as a cube: keys as text, years and sums as numbers. */
export function cubeOfRows(keys: readonly CubeKey[], rows: Record<string, unknown>[]): Cube {
	const key = (k: CubeKey, v: unknown) => (v === null || v === undefined ? null : k === 'year' ? Number(v) : String(v));
	const sums: (number | null)[][] = JSON.parse(`[${rows.map((r) => String(r.sums)).join(',')}]`);
	return { keys, columns: CUBE_COLUMNS, rows: rows.map((r, i) => [...keys.map((k) => key(k, r[k])), ...sums[i]]) };
}

/** The file the cube is written to beside the dataset; the app fetches it when a filter is set before the engine answers. */
export const CUBE_FILE = 'cube.json';

/** What the filters offer before the engine answers: the regions at the cube's depth, and the years. */
export interface FilterChoices {
	regions: { province: string | null; city: string | null; county: string | null }[];
	years: number[];
}

export function choicesOf(cube: Cube): FilterChoices {
	const at = (k: CubeKey) => cube.keys.indexOf(k);
	const [p, c, k, y] = [at('province'), at('city'), at('county'), at('year')];
	const text = (r: Cube['rows'][number], i: number) => (i >= 0 && typeof r[i] === 'string' ? (r[i] as string) : null);
	const regions = [...new Map(cube.rows.map((r) => [`${text(r, p)}|${text(r, c)}|${text(r, k)}`, { province: text(r, p), city: text(r, c), county: text(r, k) }])).values()];
	return { regions, years: [...new Set(cube.rows.map((r) => Number(r[y])))].sort((a, b) => a - b) };
}

/** summary.json: the unfiltered yearly totals (yearlyQuery's rows) the first chart is drawn from, and the filters' choices. */
export function summaryOf(schemaVersion: number, yearly: Record<string, unknown>[], choices: FilterChoices) {
	return { schema_version: schemaVersion, yearly: yearly.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)]))), choices };
}

export function isFilterChoices(v: unknown): v is FilterChoices {
	const c = v as FilterChoices;
	return !!c && Array.isArray(c.regions) && Array.isArray(c.years);
}

export function isCube(v: unknown): v is Cube {
	const c = v as Cube;
	return !!c && Array.isArray(c.keys) && Array.isArray(c.columns) && Array.isArray(c.rows) && c.keys.includes('year');
}

/** Whether the cube can answer these filters: it has no agency names to search, and only the keys it was grouped by. */
export function cubeAnswers(cube: Cube, f: Filters): boolean {
	const has = (k: CubeKey) => cube.keys.includes(k);
	return (
		f.q === '' && (!f.province || has('province')) && (!f.city || has('city')) && (!f.county || has('county')) && (!f.kind || has('agency_kind')) && (!f.format || has('format'))
	);
}

/** SQL's sum: NULLs skipped, NULL when every value is NULL. */
function sqlSum(values: (string | number | null)[]): number | null {
	let total: number | null = null;
	for (const v of values) if (v !== null) total = (total ?? 0) + Number(v);
	return total;
}

/** yearlyQuery's rows, computed from the cube (for filters it answers, cubeAnswers): every sum per year, years ascending. */
export function yearlyFromCube(cube: Cube, f: Filters): Record<string, number | null>[] {
	const at = (name: string) => cube.keys.indexOf(name);
	const [province, city, county, kind, year, format] = CUBE_KEYS.map(at);
	// A filter on a key the cube lacks is not asked of it (cubeAnswers); the index -1 never matches.
	const columns = SUMS.map(([, col]) => cube.keys.length + cube.columns.indexOf(col));
	const rows = cube.rows.filter(
		(r) =>
			(!f.province || r[province] === f.province) &&
			(!f.city || r[city] === f.city) &&
			(!f.county || r[county] === f.county) &&
			(!f.kind || r[kind] === f.kind) &&
			(!f.format || r[format] === f.format) &&
			(f.from === null || Number(r[year]) >= f.from) &&
			(f.to === null || Number(r[year]) <= f.to)
	);
	const byYear = rollup(
		rows,
		(group) => Object.fromEntries(SUMS.map(([name], i) => [name, sqlSum(group.map((r) => (columns[i] >= cube.keys.length ? r[columns[i]] : null)))])),
		(r) => Number(r[year])
	);
	return sort(byYear, ([y]) => y).map(([y, sums]) => ({ year: y, ...sums, reports: sums.reports ?? 0, generated: sums.generated ?? 0 }));
}
