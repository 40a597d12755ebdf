import { expect, test } from '@playwright/test';

test('lists the ingested reports from the Parquet dataset via DuckDB-WASM', async ({ page }) => {
	await page.goto('/');
	const list = page.getByTestId('report-list');
	await expect(list).toBeVisible({ timeout: 30_000 });
	await expect(list).toContainText('管城回族区人民防空办公室');
	await expect(list).toContainText('郑州市金水区市场监督管理局');
});

test('a missing dataset says what failed and offers a retry', async ({ page }) => {
	await page.goto('/?data=/nowhere');
	await expect(page.getByRole('alert')).toContainText('manifest.json', { timeout: 30_000 });
	await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
});
