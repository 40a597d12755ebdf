/**
 * summary.json: the unfiltered yearly totals the app draws before its engine has started, from
 * the same query the browser runs, over whatever `report_values` is (per report, or a rollup);
 * with the regions and years the filters offer until then; cube.json: the cube (src/lib/sql/cube.ts)
 * that answers the overview under filters until the engine does, by county for a flat dataset and
 * by province for a national one. Apart: the app fetches the cube only when a filter is set early.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { yearlyQuery } from '../src/lib/sql/queries';
import { CUBE_FILE, choicesOf, cubeOfRows, cubeRowsSql, summaryOf, type CubeKey } from '../src/lib/sql/cube';

/** Writes summary.json and cube.json into `dir`; the files written. */
export async function writeSummary(conn: DuckDBConnection, dir: string, schemaVersion: number, cubeKeys: readonly CubeKey[]): Promise<string[]> {
	const q = yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null });
	const yearly = (await conn.runAndReadAll(q.sql)).getRowObjectsJson();
	const cube = cubeOfRows(cubeKeys, (await conn.runAndReadAll(cubeRowsSql(cubeKeys))).getRowObjectsJson());
	await writeFile(path.join(dir, 'summary.json'), JSON.stringify(summaryOf(schemaVersion, yearly, choicesOf(cube))) + '\n');
	await writeFile(path.join(dir, CUBE_FILE), JSON.stringify(cube) + '\n');
	return ['summary.json', CUBE_FILE];
}
