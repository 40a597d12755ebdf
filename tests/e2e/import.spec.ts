/** 导入报告: real documents read in the browser, with nothing leaving the page, join the dashboard. */
import { expect, test } from '@playwright/test';

const REAL = 'tests/fixtures/real';

test('real reports imported in the browser: statuses, reasons, a figure in the agency view, no request leaves the page', async ({ page, baseURL }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith(baseURL!) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
	});
	await page.goto('/');
	await page.getByTestId('import-toggle').click();
	await expect(page.getByTestId('import-documents')).toBeEnabled({ timeout: 30_000 });
	await page
		.getByTestId('import-documents')
		.setInputFiles([
			`${REAL}/hongze-2024.pdf`,
			`${REAL}/pingtan-2022.page.html`,
			`${REAL}/pingtan-2022.page.txt`,
			`${REAL}/pingtan-2018.page.txt`,
			'tests/fixtures/samples/000_0230f7c11c6e0b53.txt'
		]);
	const result = (file: string) => page.locator(`[data-testid=import-result][data-file="${file}"]`);
	await expect(result('hongze-2024.pdf')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
	await expect(result('pingtan-2022.page.html')).toHaveAttribute('data-status', 'ok');
	await expect(result('pingtan-2022.page.txt')).toHaveAttribute('data-status', 'ok');
	await expect(result('pingtan-2018.page.txt')).toHaveAttribute('data-status', 'rejected');
	await expect(result('pingtan-2018.page.txt')).toContainText('2019 年以前');
	// The sample is already in the fixture dataset: the same bytes are one report.
	await expect(result('000_0230f7c11c6e0b53.txt')).toHaveAttribute('data-status', 'duplicate');
	await expect(page.getByTestId('imported-note')).toContainText('hongze-2024.pdf', { timeout: 30_000 });

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
