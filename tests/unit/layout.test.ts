/**
 * The partitioned (national) layout: the generator's national corpus on two provinces and the
 * layout of a flat dataset, read back with DuckDB. Rollups must give the same answers as the
 * reports they sum; every region's rows must lie in the row groups a reader picks for it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeNational } from '../../generator/national';
import { layoutFromFlat } from '../../ingest/layout';
import { runIngest } from '../../ingest/pipeline';
import { byteRanges, readRegionRowGroups, rowGroupsFor } from '../../src/lib/data/row-groups';
import http from 'node:http';
import serveStatic from 'serve-static';
import { initSync } from 'parquet-wasm/esm';
import { tableFromIPC } from 'apache-arrow';
import { yearlyQuery, compareQuery, type Filters } from '../../src/lib/sql/queries';
import { SUMMABLE_COLUMNS } from '../../src/lib/sql/derived';
import type { PartitionedManifest } from '../../src/lib/schema/layout';

const NONE: Filters = { province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'layout-'));
let out: string;
let manifest: PartitionedManifest;
let conn: DuckDBConnection;

async function rows(sql: string, params: unknown[] = []) {
	return (await conn.runAndReadAll(sql, params as never)).getRowObjectsJson() as Record<string, unknown>[];
}
const file = (p: string) => `'${path.join(out, p)}'`;

beforeAll(async () => {
	out = tmp();
	manifest = (await writeNational({ seed: 11, out, provinces: ['11', '41'], countiesPerProvince: 3 })).manifest;
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`CREATE VIEW per_report AS SELECT * FROM read_parquet('${out}/reports/*/*.parquet', hive_partitioning = true)`);
	await conn.run(`CREATE VIEW rollup_province AS SELECT * FROM ${file('rollups/province.parquet')}`);
	await conn.run(`CREATE VIEW rollup_county AS SELECT * FROM read_parquet('${out}/rollups/county/*/*.parquet')`);
});

describe('national corpus in the partitioned layout', () => {
	it('lists every partition and rollup with its rows and bytes', async () => {
		expect(manifest.layout).toBe('partitioned');
		expect(manifest.partitions.reports.map((p) => [p.province_code, p.province])).toEqual([
			['11', '北京市'],
			['41', '河南省']
		]);
		for (const list of Object.values(manifest.partitions)) {
			for (const p of list) {
				expect(readFileSync(path.join(out, p.path)).length).toBe(p.bytes);
				const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM ${file(p.path)}`);
				expect(n).toBe(p.rows);
			}
		}
		expect(manifest.totals.reports).toBe(manifest.partitions.reports.reduce((s, p) => s + p.rows, 0));
		// The county rollup: one file a province, beside the partitions.
		expect(manifest.rollups.county.map((p) => [p.province_code, p.path])).toEqual([
			['11', 'rollups/county/province_code=11/data_0.parquet'],
			['41', 'rollups/county/province_code=41/data_0.parquet']
		]);
		for (const p of manifest.rollups.county) expect(readFileSync(path.join(out, p.path)).length).toBe(p.bytes);
		expect(manifest.origins).toEqual({ generated: manifest.totals.reports });
		// A realistic roster: province, city and county agencies with 街道 / 乡镇.
		const kinds = await rows(`SELECT DISTINCT agency_kind FROM per_report`);
		expect(kinds.map((k) => k.agency_kind)).toEqual(expect.arrayContaining(['government', 'gov_office', 'public_security', 'subdistrict']));
		const [{ agencies }] = await rows(`SELECT count(DISTINCT agency)::INTEGER AS agencies FROM per_report`);
		expect(agencies).toBeGreaterThan(100);
	});

	it('labels every report as generated, in the data itself', async () => {
		const [r] = await rows(
			`SELECT count(*) FILTER (WHERE origin <> 'generated')::INTEGER AS other, count(*) FILTER (WHERE NOT starts_with(source_name, '示例数据'))::INTEGER AS unlabelled FROM per_report`
		);
		expect(r).toEqual({ other: 0, unlabelled: 0 });
	});

	it('rollups give the same answers as the reports they sum', async () => {
		await conn.run(`CREATE OR REPLACE VIEW report_values AS SELECT * FROM per_report`);
		const fromReports = await rows(yearlyQuery(NONE).sql);
		const byKind = await rows(yearlyQuery({ ...NONE, kind: 'subdistrict', from: 2021 }).sql, yearlyQuery({ ...NONE, kind: 'subdistrict', from: 2021 }).params);
		const henan = compareQuery({ ...NONE, province: '河南省' }, 'county', [], 'disclosure_rate');
		const henanReports = await rows(henan.sql, henan.params);
		for (const rollup of ['rollup_province', 'rollup_county']) {
			await conn.run(`CREATE OR REPLACE VIEW report_values AS SELECT * FROM ${rollup}`);
			expect(await rows(yearlyQuery(NONE).sql)).toEqual(fromReports);
			expect(await rows(yearlyQuery({ ...NONE, kind: 'subdistrict', from: 2021 }).sql, [...yearlyQuery({ ...NONE, kind: 'subdistrict', from: 2021 }).params])).toEqual(byKind);
		}
		expect(await rows(henan.sql, henan.params)).toEqual(henanReports);
		expect(fromReports.reduce((s, r) => s + Number(r.reports), 0)).toBe(manifest.totals.reports);
		// Every summed column of report_values is in the rollups.
		const cols = new Set((await rows(`DESCRIBE rollup_province`)).map((r) => r.column_name));
		expect(SUMMABLE_COLUMNS.filter((c) => !cols.has(c))).toEqual([]);
	});

	it('the summary drawn before the engine starts is the national yearly query', async () => {
		const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
		await conn.run(`CREATE OR REPLACE VIEW report_values AS SELECT * FROM rollup_province`);
		const yearly = await rows(yearlyQuery(NONE).sql);
		expect(summary.yearly.map((r: Record<string, number>) => [r.year, r.reports, r.new])).toEqual(yearly.map((r) => [Number(r.year), Number(r.reports), Number(r.new)]));
	});

	it('a region lies in the row groups picked for it from the footer statistics', async () => {
		for (const p of [manifest.partitions.figures[1].path, manifest.partitions.reports[1].path]) {
			const buf = readFileSync(path.join(out, p));
			const md = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
			const starts: number[] = [];
			let n = 0;
			for (const g of md.row_groups) {
				starts.push(n);
				n += Number(g.num_rows);
			}
			const groupOf = (row: number) => starts.findLastIndex((s) => s <= row);
			const prefixes = (await rows(`SELECT DISTINCT division_code AS p FROM ${file(p)} UNION SELECT DISTINCT left(division_code, 4) FROM ${file(p)} ORDER BY 1`)).map((r) =>
				String(r.p)
			);
			expect(prefixes.length).toBeGreaterThan(1);
			let fewest = md.row_groups.length;
			for (const prefix of prefixes) {
				const picked = rowGroupsFor(md, [prefix]);
				const needed = new Set(
					(await rows(`SELECT file_row_number AS r FROM read_parquet(${file(p)}, file_row_number = true) WHERE starts_with(division_code, $1)`, [prefix])).map((r) =>
						groupOf(Number(r.r))
					)
				);
				expect([...needed].every((g) => picked.includes(g))).toBe(true);
				fewest = Math.min(fewest, picked.length);
				// Sorted by division: a region's row groups are adjacent, one byte range.
				expect(byteRanges(md, picked)).toHaveLength(1);
			}
			// A county reads only part of its province's file.
			if (md.row_groups.length > 2) expect(fewest).toBeLessThan(md.row_groups.length);
		}
	});

	it('reads a region by range requests: the footer and one run of row groups', async () => {
		initSync({ module: readFileSync('node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm') });
		const served = serveStatic(out);
		const seen: string[] = [];
		const server = http.createServer((req, res) => {
			seen.push(String(req.headers.range));
			served(req, res, () => res.writeHead(404).end());
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as { port: number }).port;
		try {
			const [{ county }] = await rows(`SELECT min(division_code) AS county FROM ${file(manifest.partitions.figures[1].path)} WHERE right(division_code, 2) <> '00'`);
			for (const entry of [manifest.partitions.reports[1], manifest.partitions.figures[1], manifest.partitions.checks[1]]) {
				const [p, prefix, bytes] = [entry.path, String(county), entry.bytes];
				seen.length = 0;
				// The manifest's footer size: the footer in one request.
				const read = await readRegionRowGroups(`http://127.0.0.1:${port}/${p}`, bytes, [prefix], entry.footer);
				// A file within the footer guess comes whole in one request.
				expect(seen).toHaveLength(bytes <= 64 * 1024 ? 1 : 2);
				expect(seen.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
				if (bytes > 64 * 1024) expect(read.fetched).toBeLessThan(bytes);
				const table = tableFromIPC(read.ipc!);
				const codes = table.getChild('division_code')!.toArray() as string[];
				const inRegion = codes.filter((c) => c.startsWith(prefix)).length;
				const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM ${file(p)} WHERE starts_with(division_code, $1)`, [prefix]);
				expect(inRegion).toBe(n);
			}
		} finally {
			server.close();
		}
	});

	it('checks: every identity and carry-over holds without planted faults, and a fault fails', async () => {
		const clean = tmp();
		await writeNational({ seed: 11, out: clean, provinces: ['11'], countiesPerProvince: 2, faultRate: 0 });
		const [c] = await rows(
			`SELECT count(*) FILTER (WHERE passed = false)::INTEGER AS failed, count(*) FILTER (WHERE check_code LIKE 'carry_over%')::INTEGER AS carry, count(*)::INTEGER AS n FROM read_parquet('${clean}/checks/*/*.parquet')`
		);
		expect(c.failed).toBe(0);
		expect(c.carry).toBeGreaterThan(0);
		const faulty = tmp();
		await writeNational({ seed: 11, out: faulty, provinces: ['11'], countiesPerProvince: 2, faultRate: 1 });
		const [f] = await rows(
			`SELECT count(DISTINCT report_id) FILTER (WHERE passed = false)::INTEGER AS failed, count(DISTINCT report_id)::INTEGER AS n FROM read_parquet('${faulty}/checks/*/*.parquet')`
		);
		expect(f.failed).toBe(f.n);
	});

	it('the same seed gives the same bytes', async () => {
		const again = tmp();
		await writeNational({ seed: 11, out: again, provinces: ['11', '41'], countiesPerProvince: 3 });
		const hash = (dir: string, p: string) =>
			createHash('sha256')
				.update(readFileSync(path.join(dir, p)))
				.digest('hex');
		for (const p of [
			manifest.rollups.province.path,
			manifest.rollups.regions.path,
			...manifest.rollups.county.map((r) => r.path),
			...manifest.partitions.figures.map((f) => f.path),
			...manifest.partitions.checks.map((f) => f.path)
		])
			expect(hash(again, p)).toBe(hash(out, p));
	});
});

describe('layout of a flat dataset', () => {
	it('partitions every report, figure and check of an ingested dataset', async () => {
		const flat = tmp();
		await runIngest(['tests/fixtures/samples', 'tests/fixtures/html'], { out: flat, threads: 1 });
		const parted = tmp();
		const m = await layoutFromFlat(flat, parted);
		for (const t of ['reports', 'figures', 'checks'] as const) {
			const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM '${flat}/${t}.parquet'`);
			expect(m.totals[t]).toBe(n);
		}
		expect(m.partitions.reports.map((p) => p.province_code)).toEqual(['41']);
		const [same] = await rows(
			`SELECT count(*)::INTEGER AS n FROM (SELECT report_id, table_code, row_code, col_code, value, raw FROM '${flat}/figures.parquet' EXCEPT SELECT report_id, table_code, row_code, col_code, value, raw FROM '${parted}/${m.partitions.figures[0].path}')`
		);
		expect(same.n).toBe(0);
	});
});
