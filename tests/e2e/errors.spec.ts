import { expect, test } from '@playwright/test';

test('a missing dataset says what failed and offers a retry', async ({ page }) => {
	await page.goto('/?data=/nowhere');
	await expect(page.getByRole('alert')).toContainText('manifest.json', { timeout: 30_000 });
	await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
});

test('in English, the failure and what to do are in English', async ({ page }) => {
	await page.goto('/?data=/nowhere&lang=en');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The dataset could not be loaded', { timeout: 30_000 });
	await expect(alert).toContainText(/Could not download manifest\.json \(http:\/\/[^)]*\/nowhere\/manifest\.json\): HTTP 404/);
	await expect(alert).toContainText('The dataset may not be built yet: run npm run dataset');
	await expect(alert).not.toContainText(/[\u4e00-\u9fff]/);
	await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
});
