/** npm run sql -- "<query>" [--data DIR]: query the dataset's tables (reports, figures, checks) with DuckDB. */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';

const args = process.argv.slice(2);
const di = args.indexOf('--data');
const dir = di >= 0 ? args.splice(di, 2)[1] : 'data';
const sql = args.join(' ');
if (!sql) {
	console.error('usage: npm run sql -- "select * from reports limit 5" [--data DIR]');
	process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
for (const t of ['reports', 'figures', 'checks']) {
	const file = path.join(dir, `${t}.parquet`).replace(/'/g, "''");
	await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${file}')`);
}
const result = await conn.runAndReadAll(sql);
console.table(result.getRowObjectsJson());
