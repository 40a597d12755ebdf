import { expect, test } from '@playwright/test';

test('an agency named <img src=x onerror=alert(1)> stays text everywhere, under a strict CSP', async ({ page }) => {
	const problems: string[] = [];
	page.on('dialog', (d) => {
		problems.push(`dialog: ${d.message()}`);
		d.dismiss();
	});
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
	});
	await page.goto('/?view=agency&q=onerror');
	await expect(page.getByTestId('agency-list')).toContainText('<img src=x onerror=alert(1)>测试局', { timeout: 30_000 });
	await expect(page.getByTestId('report-view')).toContainText('<img src=x onerror=alert(1)>测试局');
	// Compare by agency: the name becomes a legend entry and a tooltip.
	await page.goto('/?view=compare&by=agency&q=onerror');
	const chart = page.getByTestId('compare-chart').locator('canvas').first();
	await expect(chart).toBeVisible({ timeout: 30_000 });
	const box = (await chart.boundingBox())!;
	for (let x = 0.1; x < 1; x += 0.1) await page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
	await expect(page.getByTestId('compare-ranking')).toContainText('<img src=x onerror=alert(1)>测试局');
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
	expect(problems).toEqual([]);
});
