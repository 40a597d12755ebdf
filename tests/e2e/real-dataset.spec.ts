/** The default layout: real 平潭 reports open first, the picker names each dataset, figures match their documents. */
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4191) + 6;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const JTJ = '350128|平潭综合实验区交通与建设局';

test('opens on the real dataset, named in the picker, with no generated-data banner', async ({ page }) => {
	await page.goto(`${ORIGIN}/`);
	const picker = page.getByTestId('dataset-picker');
	await expect(picker).toBeVisible({ timeout: 30_000 });
	await expect(picker.locator('option:checked')).toHaveText(/平潭综合实验区 · 真实报告 8 份/);
	await expect(picker.locator('option')).toHaveText([/平潭综合实验区 · 真实报告/, '郑州市 · 示例数据']);
	await expect(page.getByTestId('headlines')).toBeVisible();
	await expect(page.getByTestId('generated-banner')).toHaveCount(0);
});

test('a figure of the real dataset equals its document (交通与建设局 2024: 本年新收 5800000 58 → 58 natural persons, 58 in total)', async ({ page }) => {
	await page.goto(`${ORIGIN}/?view=agency&agency=${encodeURIComponent(JTJ)}`);
	const report = page.getByTestId('report-view');
	await expect(report).toContainText('平潭综合实验区交通与建设局 2024', { timeout: 30_000 });
	await expect(page.getByTestId('report-origin')).toHaveText('真实文件');
	await expect(page.locator('td[data-cell="requests.new.natural"]')).toHaveText('58');
	await expect(page.locator('td[data-cell="requests.new.total"]')).toHaveText('58');
	await expect(page.locator('td[data-cell="requests.new.commercial"]')).toHaveText('0');
});

test('the picker switches to the demo dataset, kept in the URL and labelled as generated', async ({ page }) => {
	await page.goto(`${ORIGIN}/`);
	await expect(page.getByTestId('dataset-picker')).toBeVisible({ timeout: 30_000 });
	await page.getByTestId('dataset-picker').selectOption('zhengzhou');
	await expect(page).toHaveURL(/dataset=zhengzhou/);
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('dataset-picker').locator('option:checked')).toHaveText('郑州市 · 示例数据');
});

test('the embed opens the dataset named by ?dataset=', async ({ page }) => {
	await page.goto(`${ORIGIN}/embed?chart=headline&dataset=zhengzhou`);
	await expect(page.getByTestId('headlines')).toBeVisible({ timeout: 30_000 });
	// The label comes with the dataset's manifest, after the panel's frame: on a busy machine, seconds later.
	await expect(page.locator('body')).toContainText('示例数据', { timeout: 30_000 });
});

test('a renamed agency links its names both ways (国有资产管理局 → 投资促进局, from list.tsv)', async ({ page }) => {
	await page.goto(`${ORIGIN}/?view=agency&agency=${encodeURIComponent('350128|平潭综合实验区国有资产管理局')}`);
	const note = page.getByTestId('agency-renamed');
	await expect(note).toContainText('2024 年起更名为', { timeout: 30_000 });
	await note.getByRole('button', { name: '平潭综合实验区投资促进局' }).click();
	await expect(page.getByTestId('report-view')).toContainText('平潭综合实验区投资促进局 2024');
	await expect(page.getByTestId('agency-renamed')).toContainText('2024 年以前名为');
});

test('the report view sets the report’s own words beside its tables; data quality counts them per agency', async ({ page }) => {
	await page.goto(`${ORIGIN}/?view=agency&agency=${encodeURIComponent(JTJ)}`);
	const statements = page.getByTestId('report-statements');
	await expect(statements).toContainText('文字表述与表格', { timeout: 30_000 });
	await expect(statements.locator('li[data-passed="true"]').first()).toBeVisible();
	await expect(statements.locator('mark').first()).toContainText('申请');
	await page.goto(`${ORIGIN}/?view=quality`);
	await expect(page.getByTestId('quality-text')).toContainText('平潭综合实验区交通与建设局', { timeout: 30_000 });
});

test('filters answer before the engine does: the cube’s figures, then the same figures from DuckDB', async ({ page }) => {
	// Hold DuckDB's worker back until the filtered overview has been read from the build-time cube.
	let release: () => void = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/duckdb-browser-eh.worker*.js', async (route) => {
		await held;
		await route.continue();
	});
	const cubeRequests: string[] = [];
	page.on('request', (r) => r.url().endsWith('/cube.json') && cubeRequests.push(r.url()));
	await page.goto(`${ORIGIN}/`);
	// The years up to the first: the headline shows that year's figures, not the last year's.
	const to = page.getByTestId('filter-to');
	await expect(to.locator('option')).not.toHaveCount(1, { timeout: 30_000 });
	await expect(page.locator('[data-engine=loading]')).toHaveCount(1);
	const first = await to.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).filter(Boolean)[0]);
	// The filters come from the summary; the cube is fetched only once a filter is set.
	expect(cubeRequests).toEqual([]);
	await to.selectOption(first);
	await expect(page).toHaveURL(new RegExp(`to=${first}`));
	const headlines = page.getByTestId('headlines');
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
	const fromCube = await headlines.innerText();
	expect(cubeRequests).toHaveLength(1);
	await expect(page.locator('[data-engine=loading]')).toHaveCount(1);
	release();
	await expect(page.locator('[data-engine=ready]')).toHaveCount(1, { timeout: 60_000 });
	await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: 30_000 });
	expect(fromCube).toContain(first);
	expect(await headlines.innerText()).toBe(fromCube);
	const unfiltered = await page.goto(`${ORIGIN}/`).then(() => headlines.innerText());
	expect(unfiltered).not.toEqual(fromCube);
});
