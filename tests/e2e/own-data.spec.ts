import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const DIR = 'tests/fixtures/dataset';
const file = (name: string, from = name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(`${DIR}/${from}`) });

test('a user opens their own Parquet files from disk', async ({ page }) => {
	await page.goto('/?view=quality');
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	await page.getByTestId('open-files').setInputFiles([file('reports.parquet'), file('figures.parquet'), file('checks.parquet')]);
	await expect(page.getByTestId('own-data')).toContainText('reports.parquet');
	await expect(page.getByTestId('quality-rules').locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
});

test('a file that does not fit the schema gets a message naming what is missing', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	await page.getByTestId('open-files').setInputFiles([file('reports.parquet', 'figures.parquet'), file('figures.parquet'), file('checks.parquet')]);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('reports.parquet 缺少必需的列', { timeout: 30_000 });
	await expect(alert).toContainText('agency');
	await page.getByRole('button', { name: '重试' }).click();
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
});

test('a truncated Parquet file is reported, not a blank page', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	const cut = readFileSync(`${DIR}/figures.parquet`);
	await page
		.getByTestId('open-files')
		.setInputFiles([file('reports.parquet'), { name: 'figures.parquet', mimeType: 'application/octet-stream', buffer: cut.subarray(0, cut.length / 2) }, file('checks.parquet')]);
	await expect(page.getByRole('alert')).toContainText('figures.parquet', { timeout: 30_000 });
});

test('a dataset folder by URL on another origin (?data=)', async ({ page }) => {
	const other = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4191) + 3}/reports/data`;
	await page.goto(`/?view=agency&data=${encodeURIComponent(other)}&q=${encodeURIComponent('人民防空')}`);
	await expect(page.getByTestId('agency-list')).toContainText('管城回族区人民防空办公室', { timeout: 30_000 });
	// The link keeps where the data comes from.
	await page.getByRole('link', { name: '总览' }).click();
	await expect(page).toHaveURL(/data=/);
});

test('a manifest that lies about its files is reported with a retry', async ({ page }) => {
	await page.goto('/?data=/data/lying');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('清单说有', { timeout: 30_000 });
	await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
});
