import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('a chart’s CSV holds exactly the numbers its table shows, for Excel', async ({ page }) => {
	await page.goto(`/?county=${encodeURIComponent('中原区')}`);
	await expect(page.getByTestId('generated-banner')).toBeVisible({ timeout: 30_000 });
	const card = page.getByTestId('chart-years');
	await card.getByRole('button', { name: '表格' }).click();
	const screen = await card.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
	expect(screen.length).toBeGreaterThan(0);
	const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '导出 CSV' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^政府信息公开_申请数量的年度变化_中原区\.csv$/);
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
	expect(header).toContain('本年新收 new（件）');
	expect(lines.pop()).toMatch(/^注：含示例数据/); // generated data is labelled in the export too
	const csv = lines.map((l) => l.split(',').map(Number));
	expect(csv).toEqual(screen.map((r) => r.map((c) => Number(c.replace(/,/g, '')))));
});

test('the filtered figures download in long form', async ({ page }) => {
	await page.goto('/?q=%E4%BA%BA%E6%B0%91%E9%98%B2%E7%A9%BA');
	await expect(page.getByTestId('export-long')).toBeVisible({ timeout: 30_000 });
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-long').click()]);
	const text = readFileSync((await download.path())!, 'utf8');
	const lines = text.trimEnd().split('\r\n');
	expect(lines[0]).toContain('report_id');
	expect(lines[0]).toContain('行标签');
	expect(lines.some((l) => l.includes('管城回族区人民防空办公室') && l.includes('active,penalty') && l.includes('行政处罚'))).toBe(true);
	expect(lines.every((l, i) => i === 0 || l.includes('人民防空'))).toBe(true);
});
