/**
 * summary.json: the unfiltered yearly totals the app draws before its engine has started, from
 * the same query the browser runs, over whatever `report_values` is (per report, or a rollup);
 * and the cube (src/lib/sql/cube.ts) that answers the overview under filters before the engine
 * does: by county for a flat dataset, by province for a national one.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import { yearlyQuery } from '../src/lib/sql/queries';
import { CUBE_COLUMNS, cubeSql, type Cube, type CubeKey } from '../src/lib/sql/cube';

const plain = (v: unknown) => (v === null ? null : Number(v));

export async function writeSummary(conn: DuckDBConnection, file: string, schemaVersion: number, opts: { cube?: readonly CubeKey[] } = {}): Promise<void> {
	const q = yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null });
	const yearly = (await conn.runAndReadAll(q.sql)).getRowObjectsJson();
	let cube: Cube | undefined;
	if (opts.cube) {
		const keys = opts.cube;
		const rows = (await conn.runAndReadAll(cubeSql(keys))).getRowsJson();
		// Years as numbers, sums as numbers (DuckDB's JSON gives HUGEINT sums as strings).
		cube = { keys, columns: CUBE_COLUMNS, rows: rows.map((r) => r.map((v, i) => (i < keys.length && keys[i] !== 'year' ? (v as string | null) : plain(v)))) };
	}
	await writeFile(
		file,
		JSON.stringify({
			schema_version: schemaVersion,
			yearly: yearly.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)]))),
			...(cube ? { cube } : {})
		}) + '\n'
	);
}
