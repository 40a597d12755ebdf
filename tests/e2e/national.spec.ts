/**
 * A partitioned (national-layout) dataset: two provinces, three counties each (示例数据), opened with
 * ?data=. The overview reads only the rollups; a province its own file of the county rollup; a
 * city or county its row groups of the province partitions by range requests; agencies and single reports appear once a city or county is chosen.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';

const DATA = 'data=/data/national';

function record(page: Page) {
	const requests: { path: string; range: string | undefined }[] = [];
	page.on('request', (r: Request) => {
		const u = new URL(r.url());
		if (u.pathname.startsWith('/data/national/')) requests.push({ path: u.pathname.slice('/data/national/'.length), range: r.headers()['range'] });
	});
	return requests;
}

async function settled(page: Page) {
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: 30_000 });
}

test('national overview: drawn from the rollups alone, labelled as generated', async ({ page }) => {
	const requests = record(page);
	await page.goto(`/?${DATA}`);
	await settled(page);
	await expect(page.getByTestId('generated-banner')).toContainText('示例数据');
	await expect(page.getByTestId('headlines').locator('[data-measure="new"]')).toHaveText(/\d/);
	await expect(page.getByTestId('chart-years').locator('canvas').first()).toBeVisible();
	const paths = requests.map((r) => r.path);
	expect(paths).toEqual(expect.arrayContaining(['manifest.json', 'rollups/regions.parquet', 'rollups/province.parquet']));
	expect(paths.filter((p) => /^(reports|figures|checks|rollups\/county)\//.test(p))).toEqual([]);
	// Provinces are the regions to compare nationally.
	await page.goto(`/?${DATA}&view=compare`);
	await settled(page);
	await expect(page.getByTestId('compare-groups')).toContainText('河南省');
	await expect(page.getByTestId('compare-groups')).toContainText('北京市');
	await expect(page.getByTestId('compare-ranking').locator('thead')).toContainText('省份');
});

test('drill-down: a province reads its own file of the county rollup, nothing of other provinces', async ({ page }) => {
	const requests = record(page);
	await page.goto(`/?${DATA}&view=compare`);
	await settled(page);
	await page.getByTestId('filter-province').selectOption('河南省');
	await expect(page).toHaveURL(/province=/);
	await settled(page);
	await expect(page.getByTestId('compare-groups')).toContainText('郑州市');
	await expect(page.getByTestId('compare-groups')).not.toContainText('北京市');
	expect(requests.filter((r) => r.path.startsWith('rollups/county/')).map((r) => r.path)).toEqual(['rollups/county/province_code=41/data_0.parquet']);
	expect(requests.some((r) => /^(reports|figures|checks)\//.test(r.path))).toBe(false);
});

test('a county: its agencies and a report with its tables and checks, from its partitions only', async ({ page }) => {
	const requests = record(page);
	await page.goto(`/?${DATA}&view=agency`);
	await settled(page);
	// Without a city or county the rollups hold no agencies: the view says what to do.
	await expect(page.getByTestId('scope-note')).toContainText('选择一个城市或区县');
	await page.getByTestId('filter-province').selectOption('河南省');
	await page.getByTestId('filter-city').selectOption('郑州市');
	const county = (await page.getByTestId('filter-county').locator('option').nth(1).textContent())!;
	await page.getByTestId('filter-county').selectOption(county);
	await settled(page);
	const list = page.getByTestId('agency-list');
	await expect(list.locator('li').first()).toBeVisible();
	await expect(list).toContainText(`${county}人民政府`);
	await list.locator('li button').first().click();
	await settled(page);
	await expect(page.getByTestId('report-view')).toContainText('三、收到和处理政府信息公开申请情况');
	await expect(page.getByTestId('report-origin')).toHaveText('示例数据');
	await expect(page.getByTestId('report-checks')).toContainText('核对');
	const parts = requests.filter((r) => /^(reports|figures|checks)\//.test(r.path));
	expect(parts.every((r) => r.path.includes('province_code=41/') && r.range)).toBe(true);
	expect(parts.some((r) => r.path.startsWith('figures/'))).toBe(true);
	// A link to this report reproduces it.
	const url = page.url();
	await page.goto(url);
	await settled(page);
	await expect(page.getByTestId('report-view')).toContainText('年度报告');
	await expect(page.locator('.notice')).toHaveCount(0);
});

test('name search needs a city or county; there it filters', async ({ page }) => {
	await page.goto(`/?${DATA}&q=${encodeURIComponent('公安')}`);
	await settled(page);
	await expect(page.getByTestId('search-scope')).toBeVisible();
	await page.goto(`/?${DATA}&province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('郑州市')}&view=agency&q=${encodeURIComponent('公安')}`);
	await settled(page);
	await expect(page.getByTestId('search-scope')).toHaveCount(0);
	const names = await page.getByTestId('agency-list').locator('li .name').allTextContents();
	expect(names.length).toBeGreaterThan(0);
	expect(names.every((n) => n.includes('公安'))).toBe(true);
});

test('data quality by region from the rollups; single checks once a county is chosen', async ({ page }) => {
	await page.goto(`/?${DATA}&view=quality`);
	await settled(page);
	const regions = page.getByTestId('quality-regions');
	await expect(regions).toContainText('河南省');
	await expect(regions).toContainText('北京市');
	await expect(page.getByTestId('scope-note')).toBeVisible();
	await expect(page.getByTestId('quality-failed')).toHaveCount(0);
	await page.goto(`/?${DATA}&view=quality&province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('郑州市')}`);
	await settled(page);
	await expect(page.getByTestId('scope-note')).toHaveCount(0);
	await expect(page.getByTestId('quality-rules')).toBeVisible();
	await expect(page.getByTestId('quality-failed')).toBeVisible();
});

test('a county’s figures export in long form; an embedded chart of a province', async ({ page }) => {
	await page.goto(`/?${DATA}&province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('郑州市')}`);
	await settled(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-long').click()]);
	const lines = readFileSync((await download.path())!, 'utf8')
		.trimEnd()
		.split('\r\n');
	expect(lines[0]).toContain('report_id');
	expect(lines.length).toBeGreaterThan(1000);
	expect(lines.slice(1).every((l) => l.includes('郑州市') && l.includes('示例数据'))).toBe(true);
	await page.goto(`/embed?${DATA}&province=${encodeURIComponent('河南省')}&chart=years`);
	await expect(page.getByTestId('chart-years').locator('canvas').first()).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('chart-years')).toContainText('示例数据');
});

test('the server answers byte ranges exactly (Vite’s preview server does not)', async ({ request }) => {
	const file = '/data/national/figures/province_code=41/data_0.parquet';
	const one = await request.get(file, { headers: { Range: 'bytes=0-0' } });
	expect(one.status()).toBe(206);
	expect((await one.body()).toString()).toBe('P');
	const tail = await request.get(file, { headers: { Range: 'bytes=-8' } });
	expect(tail.status()).toBe(206);
	expect((await tail.body()).subarray(4).toString()).toBe('PAR1');
	expect(tail.headers()['content-encoding']).toBeUndefined();
});

test('the dataset’s JSON comes gzipped and revalidates (the national cube is 1 MB as text)', async ({ request }) => {
	const cube = await request.get('/data/national/cube.json', { headers: { 'Accept-Encoding': 'gzip' } });
	expect(cube.status()).toBe(200);
	expect(cube.headers()['content-encoding']).toBe('gzip');
	expect(JSON.parse((await cube.body()).toString()).keys).toEqual(['province', 'agency_kind', 'year', 'format']);
	const again = await request.get('/data/national/cube.json', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': cube.headers()['etag'] } });
	expect(again.status()).toBe(304);
});

test('a partition missing from the server: the region says what failed and offers a retry', async ({ page }) => {
	await page.goto(`/?data=/data/national-broken&province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('郑州市')}`);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('所选地区的数据加载失败', { timeout: 30_000 });
	await expect(alert).toContainText('reports/province_code=41/missing.parquet');
	await expect(alert).toContainText('文件不存在');
	await expect(alert).toContainText('数据集须完整发布');
	await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
	// The rest of the dataset still works.
	await page.getByTestId('filter-province').selectOption('北京市');
	await expect(page.getByTestId('headlines').locator('[data-measure="new"]')).toHaveText(/\d/, { timeout: 30_000 });
});
