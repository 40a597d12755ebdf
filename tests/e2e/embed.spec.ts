import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4191}`;
const HOST_PORT = 4193;
let host: http.Server;

// A host page on another origin (another port), whose iframe starts hidden and becomes visible.
test.beforeAll(async () => {
	host = http.createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><html><body><h1>门户网站</h1>
<iframe id="f" src="${APP}${src}" style="width:640px;border:0;display:none" height="50" title="embed"></iframe>
<script>
window.heights = [];
addEventListener('message', function (e) {
	if (e.origin !== '${APP}' || !e.data || e.data.type !== 'gov-disclosure-embed') return;
	window.heights.push(e.data.height);
	document.getElementById('f').style.height = e.data.height + 'px';
});
setTimeout(function () { document.getElementById('f').style.display = 'block'; }, 1500);
</script></body></html>`);
	});
	await new Promise<void>((r) => host.listen(HOST_PORT, '127.0.0.1', () => r()));
});
test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

test('an embedded chart on another origin reports its height and draws after starting hidden', async ({ page }) => {
	await page.goto(`http://127.0.0.1:${HOST_PORT}/?src=${encodeURIComponent('/embed?chart=years&county=金水区')}`);
	const frame = page.frameLocator('#f');
	await expect(frame.locator('[data-testid=chart-years] canvas').first()).toBeVisible({ timeout: 30_000 });
	await expect.poll(async () => Math.max(0, ...((await page.evaluate('window.heights')) as number[])), { timeout: 15_000 }).toBeGreaterThan(150);
	const box = await frame.locator('[data-testid=chart-years] canvas').first().boundingBox();
	expect(box!.width).toBeGreaterThan(300);
	expect(box!.height).toBeGreaterThan(100);
	await expect(frame.locator('nav')).toHaveCount(0);
	await expect(frame.locator('.source')).toContainText('金水区');
	const iframeHeight = await page.locator('#f').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
	expect(iframeHeight).toBeGreaterThan(150);
});

test('embed: headline panel in the dark theme; the main app offers the snippet', async ({ page }) => {
	await page.goto(`/embed?chart=headline&theme=dark&kind=education`);
	await expect(page.locator('.embed[data-theme=dark]')).toBeVisible();
	await expect(page.getByTestId('headlines').locator('[data-measure="new"]')).toHaveText(/\d/, { timeout: 30_000 });
	await expect(page.getByTestId('chart-years')).toHaveCount(0);
	await page.goto('/?kind=education');
	await page.getByTestId('embed-toggle').click();
	const snippet = await page.getByTestId('embed-snippet').inputValue();
	expect(snippet).toContain('/embed?kind=education&amp;chart=years'.replace('&amp;', '&'));
	expect(snippet).toContain('<iframe');
	expect(snippet).toContain('gov-disclosure-embed');
});

test('a chart can be saved as a PNG', async ({ page }) => {
	await page.goto('/');
	const card = page.getByTestId('chart-years');
	await expect(card.getByRole('button', { name: '保存图片' })).toBeVisible({ timeout: 30_000 });
	const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '保存图片' }).click()]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
	const bytes = readFileSync((await download.path())!);
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	// 2× pixel ratio: wider than the chart on screen
	const width = bytes.readUInt32BE(16);
	const onScreen = (await card.locator('canvas').first().boundingBox())!.width;
	expect(width).toBeGreaterThan(onScreen * 1.9);
});

test('the app and its embed page work under a sub-path set at build time', async ({ page }) => {
	const sub = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4191) + 3}/reports`;
	await page.goto(`${sub}/embed?chart=years&kind=education`);
	await expect(page.locator('[data-testid=chart-years] canvas').first()).toBeVisible({ timeout: 30_000 });
	await page.goto(`${sub}/?view=quality`);
	await expect(page.getByTestId('quality-rules').locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
	await page.getByRole('link', { name: '总览' }).click();
	await expect(page).toHaveURL(/\/reports\/(\?.*)?$/);
});
