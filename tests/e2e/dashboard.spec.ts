import { expect, test, type Page } from '@playwright/test';

const SAMPLE_AGENCY = '410104|管城回族区人民防空办公室';
const JINSHUI = '410105|郑州市金水区市场监督管理局';
const CRAWLED = '410103|郑州市二七区司法局';

async function ready(page: Page) {
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
}

test('overview: headline figures, charts and their tables, generated data labelled', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	await expect(page.getByTestId('headlines').locator('[data-measure="new"]')).toHaveText(/\d/);
	for (const id of ['chart-years', 'chart-applicants', 'chart-outcomes', 'chart-appeals']) {
		await expect(page.getByTestId(id).locator('canvas').first()).toBeVisible();
	}
	await expect(page.getByTestId('generated-banner')).toContainText('示例数据');
	await page.getByTestId('chart-years').getByRole('button', { name: '表格' }).click();
	await expect(page.getByTestId('chart-years').locator('table tbody tr').first()).toBeVisible();
});

test('filters live in the URL; back and forward restore them', async ({ page }) => {
	await page.goto('/');
	await ready(page);
	const before = await page.getByTestId('headlines').locator('[data-measure="new"]').textContent();
	await page.getByTestId('filter-kind').selectOption('market_regulation');
	await expect(page).toHaveURL(/kind=market_regulation/);
	await expect(page.getByTestId('headlines').locator('[data-measure="new"]')).not.toHaveText(before ?? '');
	await page.goBack();
	await expect(page).not.toHaveURL(/kind=/);
	await expect(page.getByTestId('filter-kind')).toHaveValue('');
	await page.goForward();
	await expect(page.getByTestId('filter-kind')).toHaveValue('market_regulation');
});

test('a link reproduces a compare view', async ({ page }) => {
	await page.goto('/?view=compare&by=kind&measure=disclosure_rate');
	await ready(page);
	await expect(page.getByTestId('compare-by')).toHaveValue('kind');
	await expect(page.getByTestId('compare-measure')).toHaveValue('disclosure_rate');
	await expect(page.getByTestId('compare-chart').locator('canvas').first()).toBeVisible();
	await expect(page.getByTestId('compare-ranking').locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('compare-ranking')).toContainText('%');
});

test('agency view: the real sample as its tables, all checks passing, origin shown', async ({ page }) => {
	await page.goto(`/?view=agency&agency=${encodeURIComponent(SAMPLE_AGENCY)}`);
	await ready(page);
	const report = page.getByTestId('report-view');
	await expect(report).toContainText('管城回族区人民防空办公室 2020');
	await expect(page.getByTestId('report-origin')).toHaveText('真实文件');
	await expect(page.getByTestId('report-checks')).toContainText('全部 40 项核对通过');
	await expect(report.locator('td.failed')).toHaveCount(0);
});

test('agency view marks the cells of failed checks', async ({ page }) => {
	await page.goto(`/?view=agency&agency=${encodeURIComponent(JINSHUI)}`);
	await ready(page);
	await expect(page.getByTestId('report-checks')).toContainText('2 项核对未通过');
	await expect(page.locator('td.failed[data-cell="requests.rejected_repeat.total"]')).toBeVisible();
	await expect(page.locator('td[data-cell="requests.new.research"]')).toHaveText('（空白）');
});

test('agency view: a report whose figures ran together says they were reconstructed; a table that could not be is absent, not zero', async ({ page }) => {
	await page.goto(`/?view=agency&agency=${encodeURIComponent(CRAWLED)}`);
	await ready(page);
	await expect(page.getByTestId('report-view')).toContainText('郑州市二七区司法局 2021');
	await expect(page.getByTestId('report-reconstructed')).toContainText('唯一还原');
	await expect(page.getByTestId('report-origin')).toHaveText('示例数据');
	await expect(page.locator('td[data-cell="requests.new.total"]')).toHaveText(/^\d+$/);
	// The proactive table is read row by row: the row whose digits allow several cuts is absent, not zero.
	await expect(page.locator('td[data-cell="active.normative.issued"]')).toHaveClass(/absent/);
	await expect(page.locator('td[data-cell="active.rules.issued"]')).toHaveText(/\d$/);
});

test('data quality: failed identities, coverage and blank-versus-zero', async ({ page }) => {
	await page.goto('/?view=quality');
	await ready(page);
	await expect(page.getByTestId('quality-rules').locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('quality-coverage').locator('canvas').first()).toBeVisible();
	await expect(page.getByTestId('quality-blanks')).toContainText('html');
	await expect(page.getByTestId('quality-failed')).toContainText('郑州市金水区市场监督管理局');
});

test('unknown URL values are dropped with a notice; English switch', async ({ page }) => {
	await page.goto('/?kind=bogus&from=1999&view=overview');
	await ready(page);
	await expect(page.getByRole('status').filter({ hasText: '已忽略' })).toContainText('kind=bogus');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/lang=en/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Government information disclosure annual reports');
});
