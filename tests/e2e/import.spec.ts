/** 导入报告: real documents read in the browser, with nothing leaving the page, join the dashboard. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import * as OpenCC from 'opencc-js/cn2t';

const REAL = 'tests/fixtures/real';

test('real reports imported in the browser: statuses, reasons, a figure in the agency view, no request leaves the page', async ({ page, baseURL }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
	});
	await page.goto('/');
	await page.getByTestId('import-toggle').click();
	await expect(page.getByTestId('import-documents')).toBeEnabled({ timeout: 30_000 });
	await page.getByTestId('import-documents').setInputFiles([
		`${REAL}/hongze-2024.pdf`,
		`${REAL}/pingtan-2022.page.html`,
		`${REAL}/pingtan-2022.page.txt`,
		`${REAL}/pingtan-2018.page.txt`,
		'tests/fixtures/samples/000_0230f7c11c6e0b53.txt',
		// A Word file as an office suite saves a report (its document.xml read in the browser's worker).
		'tests/fixtures/real-printed/pingtan-2023.office.docx'
	]);
	const result = (file: string) => page.locator(`[data-testid=import-result][data-file="${file}"]`);
	await expect(result('hongze-2024.pdf')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
	await expect(result('pingtan-2022.page.html')).toHaveAttribute('data-status', 'ok');
	await expect(result('pingtan-2022.page.txt')).toHaveAttribute('data-status', 'ok');
	await expect(result('pingtan-2023.office.docx')).toHaveAttribute('data-status', 'ok');
	await expect(result('pingtan-2023.office.docx')).toContainText('平潭综合实验区');
	await expect(result('pingtan-2018.page.txt')).toHaveAttribute('data-status', 'rejected');
	await expect(result('pingtan-2018.page.txt')).toContainText('2019 年以前');
	// The sample is already in the fixture dataset: the same bytes are one report.
	await expect(result('000_0230f7c11c6e0b53.txt')).toHaveAttribute('data-status', 'duplicate');
	await expect(page.getByTestId('imported-note')).toContainText('hongze-2024.pdf', { timeout: 30_000 });

	// Broken files: each refused with the CLI's reason, none stops the others; the same PDF under another name is a duplicate.
	const huge = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'huge.txt');
	writeFileSync(huge, Buffer.alloc(51 * 1024 * 1024, 0x20));
	await page.getByTestId('import-documents').setInputFiles(huge);
	await expect(result('huge.txt')).toHaveAttribute('data-status', 'rejected', { timeout: 30_000 });
	await expect(result('huge.txt')).toContainText('50 MB');
	await page.getByTestId('import-documents').setInputFiles([
		{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
		{ name: 'fake.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip') },
		{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('会议纪要\n今天讨论了工作安排。\n') },
		{ name: 'hongze-again.pdf', mimeType: 'application/pdf', buffer: readFileSync(`${REAL}/hongze-2024.pdf`) },
		// A third PDF in the page: the workers' one pdf.js worker serves document after document.
		{ name: 'hongze-third.pdf', mimeType: 'application/pdf', buffer: readFileSync(`${REAL}/hongze-2024.pdf`) },
		// A copy in traditional characters (as mirrors make them): converted in the worker, then read.
		{ name: 'traditional.txt', mimeType: 'text/plain', buffer: Buffer.from(OpenCC.Converter({ from: 'cn', to: 'tw' })(readFileSync(`${REAL}/pingtan-2023.page.txt`, 'utf8'))) }
	]);
	await expect(result('hongze-again.pdf')).toHaveAttribute('data-status', 'duplicate', { timeout: 60_000 });
	await expect(result('hongze-third.pdf')).toHaveAttribute('data-status', 'duplicate', { timeout: 60_000 });
	await expect(result('empty.txt')).toHaveAttribute('data-status', 'rejected');
	await expect(result('empty.txt')).toContainText('空');
	await expect(result('fake.docx')).toHaveAttribute('data-status', 'rejected');
	await expect(result('fake.docx')).toContainText('不是 ZIP');
	await expect(result('notes.txt')).toContainText('未找到年度报告的表格');
	await expect(result('traditional.txt')).toHaveAttribute('data-status', 'ok');
	await expect(result('traditional.txt')).toContainText('平潭综合实验区');

	await page.goto(`/?view=agency&agency=${encodeURIComponent('320813|淮安市洪泽区人民政府')}`);
	// A new page load starts from the served dataset: imported reports live in this page only.
	await expect(page.getByTestId('report-view')).toHaveCount(0);
	expect(outside).toEqual([]);
});

test('imported reports appear in the views of the same page', async ({ page }) => {
	await page.goto('/?view=agency');
	await expect(page.getByTestId('agency-list')).toBeVisible({ timeout: 30_000 });
	await page.getByTestId('import-toggle').click();
	await expect(page.getByTestId('import-documents')).toBeEnabled({ timeout: 30_000 });
	await page.getByTestId('import-documents').setInputFiles([`${REAL}/hongze-2024.pdf`]);
	await expect(page.locator('[data-testid=import-result][data-file="hongze-2024.pdf"]')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
	await page
		.getByTestId('agency-list')
		.getByRole('button', { name: /淮安市洪泽区人民政府/ })
		.click();
	await expect(page.getByTestId('report-view')).toContainText('淮安市洪泽区人民政府 2024');
	await expect(page.locator('td[data-cell="requests.new.total"]')).toHaveText('95');
	await expect(page.locator('td[data-cell="appeals.review.total"]')).toHaveText('2');
	await expect(page.getByTestId('report-origin')).toHaveText('真实文件');
});

test('下载数据集: every real fixture read in the browser gives the CLI’s figures cell for cell; the zip holds what the CLI writes, with its schema, and npm run sql reads it', async ({
	page
}) => {
	const { mkdtempSync, writeFileSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const path = await import('node:path');
	const { unzipSync } = await import('fflate');
	const { spawnSync } = await import('node:child_process');
	const { DuckDBInstance } = await import('@duckdb/node-api');

	await page.goto('/');
	await page.getByTestId('import-toggle').click();
	await expect(page.getByTestId('import-documents')).toBeEnabled({ timeout: 30_000 });
	const documents = ['hongze-2024.pdf', 'pingtan-2018.page.txt', 'pingtan-2022.page.html', 'pingtan-2022.page.txt', 'pingtan-2023.page.html', 'pingtan-2023.page.txt'].map(
		(f) => `${REAL}/${f}`
	);
	await page.getByTestId('import-documents').setInputFiles(documents);
	await expect(page.locator('[data-testid=import-result][data-file="hongze-2024.pdf"]')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
	await expect(page.getByTestId('imported-note')).toBeVisible({ timeout: 30_000 });
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-dataset').click()]);
	const dir = mkdtempSync(path.join(tmpdir(), 'browser-dataset-'));
	const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
	expect(Object.keys(zip).sort()).toEqual(['checks.parquet', 'cube.json', 'figures.parquet', 'ingest-report.json', 'manifest.json', 'reports.parquet', 'summary.json']);
	for (const [name, bytes] of Object.entries(zip)) writeFileSync(path.join(dir, name), bytes);

	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();
	for (const t of ['reports', 'figures', 'checks']) {
		const schema = async (d: string) => (await rows(`DESCRIBE SELECT * FROM '${path.join(d, t + '.parquet')}'`)).map((r) => `${r.column_name} ${r.column_type}`);
		expect(await schema(dir), t).toEqual(await schema('tests/fixtures/dataset'));
	}
	const fig = await rows(
		`SELECT f.value FROM '${dir}/figures.parquet' f JOIN '${dir}/reports.parquet' r USING (report_id) WHERE r.agency = '淮安市洪泽区人民政府' AND f.table_code = 'requests' AND f.row_code = 'new' AND f.col_code = 'total'`
	);
	expect(fig).toEqual([{ value: 95 }]);
	// The cube the engine in the page made (its sums as JSON text): one row per region, kind, year and format.
	const cube = JSON.parse(readFileSync(path.join(dir, 'cube.json'), 'utf8'));
	expect(cube.rows.length).toBeGreaterThan(0);
	for (const row of cube.rows) expect(row).toHaveLength(cube.keys.length + cube.columns.length);
	const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
	const reportsInCube = cube.rows.reduce((n: number, row: unknown[]) => n + Number(row[cube.keys.length + cube.columns.indexOf('n_reports')]), 0);
	expect(reportsInCube).toBe(manifest.files.find((f: { name: string }) => f.name === 'reports').rows);
	const log = JSON.parse(readFileSync(path.join(dir, 'ingest-report.json'), 'utf8'));
	expect(log.files.find((f: { file: string }) => f.file === 'pingtan-2018.page.txt')).toMatchObject({ status: 'rejected' });
	// Cell for cell what the CLI reads from the same documents (and the same checks, carry-over aside).
	const cli = mkdtempSync(path.join(tmpdir(), 'cli-dataset-'));
	const ran = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...documents, '--out', cli, '--quiet'], {
		encoding: 'utf8'
	});
	expect(ran.status, ran.stderr).toBe(0);
	const cells = (d: string) =>
		rows(
			`SELECT report_id, table_code, row_code, col_code, value, raw, unit FROM '${d}/figures.parquet' WHERE report_id IN (SELECT report_id FROM '${cli}/reports.parquet') ORDER BY ALL`
		);
	const checks = (d: string) =>
		rows(
			`SELECT report_id, check_code, kind, passed, expected, actual, message FROM '${d}/checks.parquet' WHERE kind <> 'carry_over' AND report_id IN (SELECT report_id FROM '${cli}/reports.parquet') ORDER BY ALL`
		);
	const reportsOf = (d: string) =>
		rows(`SELECT * EXCLUDE (warnings) FROM '${d}/reports.parquet' WHERE report_id IN (SELECT report_id FROM '${cli}/reports.parquet') ORDER BY report_id`);
	// Every real fixture: 986 cells, as check-real counts them (two crawler texts cut by their portal pages).
	expect((await cells(dir)).length).toBe(986);
	expect(await cells(dir)).toEqual(await cells(cli));
	expect(await checks(dir)).toEqual(await checks(cli));
	expect(await reportsOf(dir)).toEqual(await reportsOf(cli));
	const sql = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/sql.ts', 'SELECT count(*) AS n FROM reports WHERE year = 2024', '--data', dir], { encoding: 'utf8' });
	expect(sql.status, sql.stderr).toBe(0);
});

test('a report whose document does not name its agency is ingested under its file name, and filled in from its result row', async ({ page }) => {
	// The crawler text without its header, its contact sentence (请与…管委会办公室联系) or the region whose
	// units' work it sums (汇总平潭综合实验区各有关单位), each of which names the agency: tables and the
	// statistics period, but no title, publisher or contact.
	const text = readFileSync(`${REAL}/pingtan-2023.page.txt`, 'utf8')
		.split(/={5,} 正文 ={5,}\n/)[1]
		.replace(/如对本报告[^。]*联系。/, '')
		.replace(/汇总平潭综合实验区各有关单位/, '');
	await page.goto('/?view=agency');
	await page.getByTestId('import-toggle').click();
	await expect(page.getByTestId('import-documents')).toBeEnabled({ timeout: 30_000 });
	await page.getByTestId('import-documents').setInputFiles([{ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
	const row = page.locator('[data-testid=import-result][data-file="report.txt"]');
	await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
	await expect(row).toContainText('未识别机关（report.txt）');
	const fill = row.getByTestId('import-fill');
	await fill.getByLabel('机关').fill('平潭综合实验区');
	await fill.getByLabel('行政区划代码').fill('350128');
	await fill.getByRole('button').click();
	await expect(row).toContainText('平潭综合实验区 · 2023', { timeout: 30_000 });
	await page
		.getByTestId('agency-list')
		.getByRole('button', { name: /^平潭综合实验区 / })
		.click();
	await expect(page.getByTestId('report-view')).toContainText('平潭综合实验区 2023');
	await expect(page.locator('td[data-cell="requests.new.total"]')).toHaveText('81');
	await expect(page.getByTestId('agency-list')).not.toContainText('未识别机关');
});
