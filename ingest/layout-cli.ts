/**
 * npm run layout -- --data DIR --out DIR
 * The partitioned layout (national scale: partitions by province, rollups by region level) of a
 * flat dataset written by `npm run ingest`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { layoutFromFlat } from './layout';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

const data = arg('data') ?? 'data';
const out = arg('out');
if (!out || !existsSync(path.join(data, 'reports.parquet'))) {
	console.error('用法 usage: npm run layout -- --data <flat dataset folder> --out <folder>\n  (the flat dataset is what `npm run ingest` writes: reports.parquet, figures.parquet, checks.parquet)');
	process.exit(2);
}
const t0 = performance.now();
const m = await layoutFromFlat(data, out);
console.log(`layout: ${m.totals.reports} reports in ${m.partitions.reports.length} province partitions, rollups: province ${m.rollups.province.rows} rows, county ${m.rollups.county.reduce((s, p) => s + p.rows, 0)} rows, regions ${m.rollups.regions.rows} → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
