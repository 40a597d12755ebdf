/**
 * 下载数据集: what the CLI writes, from the dataset now in the browser — reports.parquet,
 * figures.parquet, checks.parquet (the contract's columns and types, rows in the CLI's order),
 * manifest.json, summary.json, cube.json and ingest-report.json — in one .zip. `npm run sql -- --data`,
 * `npm start -- --data` and 打开数据 read it as they read the CLI's output.
 */
import { zipSync } from 'fflate';
import { ipcToParquet } from '$lib/data/parquet-engine';
import { query, queryIPC } from '$lib/data/duckdb';
import { DATASET_TABLE_NAMES, DATASET_TABLES, SCHEMA_VERSION, type FlatManifest } from '$lib/schema/dataset';
import { yearlyQuery } from '$lib/sql/queries';
import { CUBE_FILE, CUBE_KEYS, choicesOf, cubeOfRows, cubeRowsSql, summaryOf } from '$lib/sql/cube';

const ORDER: Record<string, string> = {
	reports: 'division_code NULLS LAST, agency, year, report_id',
	figures: 'report_id, table_code, row_code, col_code',
	checks: 'report_id, check_code'
};

export async function datasetZip(ingestReport: unknown): Promise<Uint8Array> {
	const files: Record<string, Uint8Array> = {};
	const counts: Record<string, number> = {};
	for (const table of DATASET_TABLE_NAMES) {
		const cols = Object.keys(DATASET_TABLES[table]).join(', ');
		files[`${table}.parquet`] = await ipcToParquet(await queryIPC(`SELECT ${cols} FROM ${table} ORDER BY ${ORDER[table]}`));
		counts[table] = Number((await query(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n);
	}
	const origins = Object.fromEntries(
		(await query('SELECT origin, count(*)::INTEGER AS n FROM reports GROUP BY origin ORDER BY origin')).map((r) => [String(r.origin), Number(r.n)])
	);
	const yearly = await query(yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null }).sql);
	const manifest: FlatManifest = {
		schema_version: SCHEMA_VERSION,
		built_at: new Date().toISOString(),
		files: DATASET_TABLE_NAMES.map((name) => ({ name, path: `${name}.parquet`, rows: counts[name] })),
		summary: 'summary.json',
		origins
	};
	const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 2) + '\n');
	files['manifest.json'] = json(manifest);
	const cube = cubeOfRows(CUBE_KEYS, await query(cubeRowsSql(CUBE_KEYS)));
	files['summary.json'] = json(summaryOf(SCHEMA_VERSION, yearly, choicesOf(cube)));
	files[CUBE_FILE] = json(cube);
	files['ingest-report.json'] = json(ingestReport);
	return zipSync(files, { level: 6 });
}
