/**
 * The partitioned loader (src/lib/data/partitioned-data.ts) against a real local HTTP server that
 * answers byte ranges, loading into DuckDB's Node API: the rollups at open, a county's rows by range
 * requests, figures and checks only when asked, a scope loaded once, and failures that say what
 * failed and can be retried.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { initSync } from 'parquet-wasm/esm';
import serveStatic from 'serve-static';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNational } from '../../generator/national';
import { ipcToParquet } from '../../src/lib/data/parquet-engine';
import { PartitionedData, type PartitionEngine } from '../../src/lib/data/partitioned-data';
import { scopeOf } from '../../src/lib/data/scope';
import type { PartitionedManifest } from '../../src/lib/schema/layout';

let out: string;
let manifest: PartitionedManifest;
let server: http.Server;
let base: string;
/** The Range header of every request, and whether to answer a range with the whole file (as Vite's preview server does). */
const seen: string[] = [];
let ignoreRanges = false;

/** DuckDB's Node API behind the loader's engine interface; Arrow IPC goes in through a Parquet file. */
function nodeEngine(conn: DuckDBConnection): PartitionEngine {
	const dir = mkdtempSync(path.join(tmpdir(), 'ipc-'));
	let n = 0;
	return {
		run: (sql) => conn.run(sql),
		query: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
		insertArrowIPC: async (ipc, table) => {
			const file = path.join(dir, `${n++}.parquet`);
			writeFileSync(file, await ipcToParquet(ipc));
			await conn.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_parquet('${file}')`);
		}
	};
}

async function opened() {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const data = new PartitionedData(base, manifest, nodeEngine(conn));
	const open = await data.open();
	const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowObjectsJson()[0].n);
	return { conn, data, open, count };
}

/** Rows of a dataset file, read directly from disk (the truth the loader must match). */
async function direct(sql: string) {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	return Number((await conn.runAndReadAll(sql.replaceAll('FILE:', `${out}/`))).getRowObjectsJson()[0].n);
}

beforeAll(async () => {
	initSync({ module: readFileSync('node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm') });
	out = mkdtempSync(path.join(tmpdir(), 'partitioned-'));
	manifest = (await writeNational({ seed: 5, out, provinces: ['11', '41'], countiesPerProvince: 3 })).manifest;
	const served = serveStatic(out);
	server = http.createServer((req, res) => {
		seen.push(String(req.headers.range ?? 'whole'));
		if (ignoreRanges) delete req.headers.range;
		served(req, res, () => res.writeHead(404).end());
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);

afterAll(() => server.close());

describe('the partitioned loader', () => {
	it('opens on the rollups alone: regions, years and totals for the filters', async () => {
		seen.length = 0;
		const { open, count } = await opened();
		expect(open.domain.provinces).toEqual(['北京市', '河南省']);
		expect(open.domain.years.length).toBeGreaterThan(1);
		expect(open.reports).toBe(manifest.totals.reports);
		// Two whole small files, no partition touched.
		expect(seen).toEqual(['whole', 'whole']);
		expect(await count(`SELECT sum(n_reports)::INTEGER AS n FROM report_values`)).toBe(manifest.totals.reports);
		expect(await count(`SELECT count(*)::INTEGER AS n FROM figures`)).toBe(0);
	});

	it('a county: its reports by range requests; figures and checks only when a query asks; loaded once', async () => {
		const { data, open, count } = await opened();
		const county = open.regions.find((r) => r.province_code === '41' && r.county)!;
		const scope = scopeOf({ province: county.province, city: county.city, county: county.county }, open.regions);
		expect(scope.level).toBe('local');
		seen.length = 0;
		const { agencies, reports } = await data.openScope(scope);
		expect(seen.length).toBeGreaterThan(0);
		expect(seen.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
		const prefix = county.division_code!;
		const where = `WHERE starts_with(division_code, '${prefix}')`;
		const reportsFile = manifest.partitions.reports.find((p) => p.province_code === '41')!.path;
		expect(reports.length).toBe(await direct(`SELECT count(*)::INTEGER AS n FROM 'FILE:${reportsFile}' ${where}`));
		expect(agencies.length).toBeGreaterThan(0);
		expect(await count(`SELECT count(*)::INTEGER AS n FROM report_values`)).toBe(reports.length);
		// Figures are not pointed at until a query reads them.
		expect(await count(`SELECT count(*)::INTEGER AS n FROM figures`)).toBe(0);
		await data.whenDetail();
		const figuresFile = manifest.partitions.figures.find((p) => p.province_code === '41')!.path;
		expect(await count(`SELECT count(*)::INTEGER AS n FROM figures`)).toBe(await direct(`SELECT count(*)::INTEGER AS n FROM 'FILE:${figuresFile}' ${where}`));
		expect(await count(`SELECT count(*)::INTEGER AS n FROM checks`)).toBeGreaterThan(0);
		// Back to the national scope and again to the county: nothing fetched a second time.
		await data.openScope({ level: 'national', key: 'national' });
		expect(await count(`SELECT sum(n_reports)::INTEGER AS n FROM report_values`)).toBe(manifest.totals.reports);
		seen.length = 0;
		await data.openScope(scope);
		await data.whenDetail();
		expect(seen).toEqual([]);
		expect(await count(`SELECT count(*)::INTEGER AS n FROM report_values`)).toBe(reports.length);
	});

	it('a province: its own file of the county rollup, whole', async () => {
		const { data, open, count } = await opened();
		const scope = scopeOf({ province: '北京市', city: null, county: null }, open.regions);
		seen.length = 0;
		await data.openScope(scope);
		expect(seen).toEqual(['whole']);
		expect(await count(`SELECT sum(n_reports)::INTEGER AS n FROM report_values`)).toBe(manifest.partitions.reports.find((p) => p.province_code === '11')!.rows);
	});

	it('a server that ignores ranges, or a missing partition: the scope fails with what to do, and a retry loads it', async () => {
		const { data, open } = await opened();
		const county = open.regions.find((r) => r.province_code === '11' && r.county)!;
		const scope = scopeOf({ province: county.province, city: county.city, county: county.county }, open.regions);
		const big = manifest.partitions.reports.find((p) => p.province_code === '11')!;
		ignoreRanges = true;
		try {
			// Larger than the footer guess: its rows need a range that does not start at 0.
			expect(big.bytes).toBeGreaterThan(64 * 1024);
			await expect(data.openScope(scope)).rejects.toThrow(/没有按范围返回/);
		} finally {
			ignoreRanges = false;
		}
		const broken = new PartitionedData(
			base,
			{ ...manifest, partitions: { ...manifest.partitions, reports: manifest.partitions.reports.map((p) => ({ ...p, path: `${p.path}.missing` })) } },
			nodeEngine(await (await DuckDBInstance.create(':memory:')).connect())
		);
		await broken.open();
		await expect(broken.openScope(scope)).rejects.toMatchObject({ message: expect.stringContaining('文件不存在'), hint: expect.stringContaining('Range') });
		// The failed load is forgotten: the same scope loads once the server answers right.
		const { reports } = await data.openScope(scope);
		expect(reports.length).toBeGreaterThan(0);
	});
});
