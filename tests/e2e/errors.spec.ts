import { expect, test } from '@playwright/test';

test('a missing dataset says what failed and offers a retry', async ({ page }) => {
	await page.goto('/?data=/nowhere');
	await expect(page.getByRole('alert')).toContainText('manifest.json', { timeout: 30_000 });
	await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
});
