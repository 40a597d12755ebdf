/**
 * summary.json: the unfiltered yearly totals the app draws before its engine has started, from
 * the same query the browser runs, over whatever `report_values` is (per report, or a rollup);
 * for a flat dataset also the cube (src/lib/sql/cube.ts) that answers the overview under any
 * filter but a name search before the engine does.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import { yearlyQuery } from '../src/lib/sql/queries';
import { CUBE_COLUMNS, CUBE_KEYS, cubeSql, type Cube } from '../src/lib/sql/cube';

const plain = (v: unknown) => (v === null ? null : Number(v));

export async function writeSummary(conn: DuckDBConnection, file: string, schemaVersion: number, opts: { cube: boolean } = { cube: false }): Promise<void> {
	const q = yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null });
	const yearly = (await conn.runAndReadAll(q.sql)).getRowObjectsJson();
	let cube: Cube | undefined;
	if (opts.cube) {
		const rows = (await conn.runAndReadAll(cubeSql())).getRowsJson();
		// Years as numbers, sums as numbers (DuckDB's JSON gives HUGEINT sums as strings).
		cube = { keys: CUBE_KEYS, columns: CUBE_COLUMNS, rows: rows.map((r) => r.map((v, i) => (i < CUBE_KEYS.length && CUBE_KEYS[i] !== 'year' ? (v as string | null) : plain(v)))) };
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
