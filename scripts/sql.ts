/**
 * npm run sql -- "<query>" [--data DIR]: query the dataset's tables (reports, figures, checks) with
 * DuckDB. A partitioned (national) dataset is read across its province partitions (reports there
 * is report_values: the reports columns and every quantity), with its rollups as rollup_province,
 * rollup_county and regions.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { data: { type: 'string', default: 'data' } }, allowPositionals: true });
const dir = values.data!;
const sql = positionals.join(' ');
if (!sql) {
	console.error('usage: npm run sql -- "select * from reports limit 5" [--data DIR]');
	process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const quoted = (p: string) => `'${p.replace(/'/g, "''")}'`;
const manifestFile = path.join(dir, 'manifest.json');
const partitioned = existsSync(manifestFile) && JSON.parse(readFileSync(manifestFile, 'utf8')).layout === 'partitioned';
for (const t of ['reports', 'figures', 'checks']) {
	const source = partitioned ? `read_parquet(${quoted(path.join(dir, t, '*', '*.parquet'))}, hive_partitioning = true)` : `read_parquet(${quoted(path.join(dir, `${t}.parquet`))})`;
	await conn.run(`CREATE VIEW ${t} AS SELECT * FROM ${source}`);
}
if (partitioned) {
	await conn.run(`CREATE VIEW rollup_province AS SELECT * FROM read_parquet(${quoted(path.join(dir, 'rollups', 'province.parquet'))})`);
	await conn.run(`CREATE VIEW regions AS SELECT * FROM read_parquet(${quoted(path.join(dir, 'rollups', 'regions.parquet'))})`);
	await conn.run(`CREATE VIEW rollup_county AS SELECT * FROM read_parquet(${quoted(path.join(dir, 'rollups', 'county', '*', '*.parquet'))})`);
}
const result = await conn.runAndReadAll(sql);
console.table(result.getRowObjectsJson());
