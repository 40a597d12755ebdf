/**
 * npm run layout -- --data DIR --out DIR
 * The partitioned layout (national scale: partitions by province, rollups by region level) of a
 * flat dataset written by `npm run ingest`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { layoutFromFlat } from './layout';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data' }, out: { type: 'string' } } });
const data = values.data!;
const out = values.out;
if (!out || !existsSync(path.join(data, 'reports.parquet'))) {
	console.error(
		'用法 usage: npm run layout -- --data <flat dataset folder> --out <folder>\n  (the flat dataset is what `npm run ingest` writes: reports.parquet, figures.parquet, checks.parquet)'
	);
	process.exit(2);
}
const t0 = performance.now();
const m = await layoutFromFlat(data, out);
console.log(
	`layout: ${m.totals.reports} reports in ${m.partitions.reports.length} province partitions, rollups: province ${m.rollups.province.rows} rows, county ${m.rollups.county.reduce((s, p) => s + p.rows, 0)} rows, regions ${m.rollups.regions.rows} → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`
);
