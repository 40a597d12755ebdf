/**
 * summary.json: the unfiltered yearly totals the app draws before its engine has started, from
 * the same query the browser runs, over whatever `report_values` is (per report, or a rollup).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import { yearlyQuery } from '../src/lib/sql/queries';

export async function writeSummary(conn: DuckDBConnection, file: string, schemaVersion: number): Promise<void> {
	const q = yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null });
	const yearly = (await conn.runAndReadAll(q.sql)).getRowObjectsJson();
	await writeFile(
		file,
		JSON.stringify({ schema_version: schemaVersion, yearly: yearly.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)]))) }) + '\n'
	);
}
