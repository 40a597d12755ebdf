/** A whole ingest run: the dataset files, statuses, duplicates, rejections, determinism, the CLI. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../generator/corpus';
import { runIngest } from '../../ingest/pipeline';

const SAMPLE = 'tests/fixtures/samples/000_0230f7c11c6e0b53.txt';

async function sql(dir: string, q: string) {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	for (const t of ['reports', 'figures', 'checks']) await c.run(`CREATE VIEW ${t} AS SELECT * FROM '${path.join(dir, t + '.parquet')}'`);
	const rows = (await c.runAndReadAll(q)).getRowObjectsJson();
	c.closeSync();
	db.closeSync();
	return rows;
}

async function inputs() {
	const dir = mkdtempSync(path.join(tmpdir(), 'ingest-in-'));
	copyFileSync(SAMPLE, path.join(dir, 'sample.txt'));
	copyFileSync(SAMPLE, path.join(dir, 'sample-copy.txt'));
	copyFileSync('tests/fixtures/html/jinshui-market-2022.html', path.join(dir, 'jinshui.html'));
	writeFileSync(path.join(dir, 'empty.txt'), '');
	writeFileSync(path.join(dir, 'fake.docx'), 'this is not a zip');
	writeFileSync(path.join(dir, 'notes.txt'), '会议纪要\n今天讨论了工作安排。\n');
	// Three consecutive years of one generated agency, for the carry-over check.
	const { documents } = generateCorpus({ seed: 3, maxAgencies: 1, years: [2021, 2023], faultRate: 0 });
	mkdirSync(path.join(dir, 'generated'));
	for (const d of documents) writeFileSync(path.join(dir, 'generated', path.basename(d.path)), await d.bytes());
	return dir;
}

describe('ingest run', async () => {
	const dir = await inputs();
	const out = mkdtempSync(path.join(tmpdir(), 'ingest-out-'));
	const summary = await runIngest([dir], { out, threads: 1 });

	it('writes the dataset files and nothing else', () => {
		expect(readdirSync(out).sort()).toEqual(['checks.parquet', 'cube.json', 'figures.parquet', 'ingest-report.json', 'manifest.json', 'reports.parquet', 'summary.json']);
		const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		expect(manifest.schema_version).toBe(1);
		expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(['reports', 'figures', 'checks']);
		expect(manifest.files[0].rows).toBe(5);
	});

	it('gives every input a status; rejections say why in words a person can act on', () => {
		expect(summary).toMatchObject({ inputs: 9, ingested: 5, duplicates: 1, rejected: 3 });
		const report = JSON.parse(readFileSync(path.join(out, 'ingest-report.json'), 'utf8'));
		const by = (name: string) => report.files.find((f: { file: string }) => f.file.endsWith(name));
		expect(by('empty.txt')).toMatchObject({ status: 'rejected', reason: expect.stringContaining('空') });
		expect(by('fake.docx').reason).toContain('不是 Word 文档');
		expect(by('notes.txt').reason).toContain('未找到年度报告的表格');
		// Inputs are read in sorted order: sample-copy.txt comes first, sample.txt is its duplicate.
		expect(by('sample.txt')).toMatchObject({ status: 'ok', report_id: by('sample-copy.txt').report_id, duplicate_of: expect.stringContaining('sample-copy.txt') });
		for (const f of report.files) expect(JSON.stringify(f)).not.toMatch(/at .*\.ts:\d+/);
	});

	it('stores blank apart from zero, raw text, and failed checks with their cells', async () => {
		const blanks = await sql(out, `SELECT count(*)::INT n FROM figures f JOIN reports r USING (report_id) WHERE r.agency LIKE '%金水区市场%' AND value IS NULL`);
		expect(blanks[0].n).toBeGreaterThan(5);
		const failed = await sql(
			out,
			`SELECT check_code, expected, actual, blank_cells FROM checks JOIN reports USING (report_id) WHERE agency LIKE '%金水区市场%' AND passed = false ORDER BY 1`
		);
		expect(failed.map((r) => r.check_code)).toEqual(['requests.applicants.rejected_repeat', 'requests.results.total']);
		expect(JSON.parse(String(failed[1].blank_cells))).toContain('requests.rejected_repeat.total');
	});

	it('checks the carry-over between consecutive years of an agency', async () => {
		const carry = await sql(
			out,
			`SELECT r.year, count(*)::INT n, bool_and(passed) ok FROM checks c JOIN reports r USING (report_id) WHERE check_code LIKE 'carry_over.%' GROUP BY 1 ORDER BY 1`
		);
		expect(carry).toEqual([
			{ year: 2022, n: 7, ok: true },
			{ year: 2023, n: 7, ok: true }
		]);
	});

	it('gives the same Parquet bytes for the same inputs', async () => {
		const again = mkdtempSync(path.join(tmpdir(), 'ingest-out-'));
		await runIngest([dir], { out: again, threads: 1 });
		for (const f of ['reports.parquet', 'figures.parquet', 'checks.parquet']) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f)))).toBe(true);
	});

	it('CLI: worker threads, summary, exit codes', () => {
		const cliOut = mkdtempSync(path.join(tmpdir(), 'ingest-cli-'));
		const ok = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', dir, '--out', cliOut], { encoding: 'utf8' });
		expect(ok.status).toBe(0);
		expect(ok.stdout).toMatch(/导入 ingested 5 份报告/);
		expect(ok.stderr).toMatch(/rejected: .*empty\.txt/);
		for (const f of ['reports.parquet', 'figures.parquet', 'checks.parquet']) expect(readFileSync(path.join(cliOut, f)).equals(readFileSync(path.join(out, f)))).toBe(true);
		const usage = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', '--bogus'], { encoding: 'utf8' });
		expect(usage.status).toBe(2);
		const nothing = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', path.join(dir, 'empty.txt'), '--out', cliOut], { encoding: 'utf8' });
		expect(nothing.status).toBe(1);
		expect(readdirSync(cliOut).filter((f) => f.startsWith('.'))).toEqual([]);
	});

	it('CLI: --agency, --year and --region name a single report whose document does not', async () => {
		const single = mkdtempSync(path.join(tmpdir(), 'ingest-single-'));
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', 'ingest/cli.ts', 'tests/fixtures/real/hongze-2024.pdf', '--out', single, '--agency', '某区某局', '--year', '2024', '--region', '320813', '--quiet'],
			{ encoding: 'utf8' }
		);
		expect(r.status, r.stderr).toBe(0);
		const rows = await sql(single, 'SELECT agency, year, division_code FROM reports');
		expect(rows).toEqual([{ agency: '某区某局', year: 2024, division_code: '320813' }]);
		const log = JSON.parse(readFileSync(path.join(single, 'ingest-report.json'), 'utf8'));
		expect(log.files[0].reading.identity).toMatchObject({ agency: '用户指定', year: '用户指定' });
		expect(spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', 'tests/fixtures/real/hongze-2024.pdf', '--year', '24'], { encoding: 'utf8' }).status).toBe(2);
	});

	it('CLI: --layout partitioned writes the national layout of the same reports', () => {
		const parted = mkdtempSync(path.join(tmpdir(), 'ingest-parted-'));
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', dir, '--out', parted, '--layout', 'partitioned', '--quiet'], { encoding: 'utf8' });
		expect(r.status).toBe(0);
		const manifest = JSON.parse(readFileSync(path.join(parted, 'manifest.json'), 'utf8'));
		expect(manifest.layout).toBe('partitioned');
		expect(manifest.totals.reports).toBe(5);
		expect(manifest.partitions.reports.map((p: { province_code: string }) => p.province_code)).toEqual(['41']);
		expect(JSON.parse(readFileSync(path.join(parted, 'ingest-report.json'), 'utf8')).ingested).toBe(5);
		expect(readdirSync(parted).filter((f) => f.startsWith('.'))).toEqual([]);
		const bad = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', dir, '--layout', 'hive'], { encoding: 'utf8' });
		expect(bad.status).toBe(2);
	});
});
