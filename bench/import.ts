/**
 * npm run bench:import: the browser import in Chromium, cold — the 2,442 generated documents of the
 * default demo corpus (txt, html, docx) read in the page's worker and added to the dashboard, a real
 * PDF report alone, and the longest gap between frames while importing (the page must stay
 * responsive). Goals: corpus ≤ 30 s, a real PDF ≤ 1 s, frames ≤ 100 ms apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch } from '../scripts/lib/chromium';
import { serveApp } from '../scripts/lib/server';

const PORT = 4392;
if (!existsSync('data/datasets.json')) spawnSync('npm', ['run', 'dataset'], { stdio: 'inherit' });
if (!existsSync('build/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [] : [path.join(dir, e.name)]));
const corpus = files('corpus/zhengzhou');
const server = await serveApp({ port: PORT, data: 'data' });
const browser = await chromium.launch(chromiumLaunch);

/** Import `inputs` into a fresh page (replacing its dataset): seconds until every file has its final status, and the longest frame gap. */
async function importTimed(inputs: string[]): Promise<{ seconds: number; longestFrame: number; longestInApp: number; ok: number }> {
	const context = await browser.newContext({ bypassCSP: true });
	const page: Page = await context.newPage();
	await page.goto(server.url);
	await page.getByTestId('import-toggle').click();
	await page.waitForSelector('[data-testid=import-documents]:not([disabled])', { timeout: 120_000 });
	await page.getByLabel('替换当前数据').check();
	// Frame gaps, measured in the page while the import runs.
	await page.evaluate(
		`(() => { window.__gaps = []; let last = performance.now(); const tick = (t) => { window.__gaps.push([t - last, last]); last = t; if (!window.__stop) requestAnimationFrame(tick); }; requestAnimationFrame(tick); })()`
	);
	const t0 = Date.now();
	await page.getByTestId('import-documents').setInputFiles(inputs);
	await page.waitForFunction(
		`document.querySelectorAll('[data-testid=import-result]').length === ${inputs.length} && !document.querySelector('[data-testid=import-result][data-status=queued], [data-testid=import-result][data-status=reading]') && !!document.querySelector('[data-testid=imported-note]')`,
		null,
		{ timeout: 600_000, polling: 200 }
	);
	const seconds = (Date.now() - t0) / 1000;
	const gaps = (await page.evaluate('(() => { window.__stop = true; return window.__gaps.slice(2); })()')) as [number, number][];
	const longestFrame = Math.max(...gaps.map(([g]) => g));
	// Gaps that begin once the app has the files (import:chosen): before, the browser is handing the chosen files over.
	const readStart = (await page.evaluate("performance.getEntriesByName('import:chosen')[0]?.startTime ?? 0")) as number;
	const longestInApp = Math.max(0, ...gaps.filter(([, at]) => at >= readStart).map(([g]) => g));
	// Where the page stalled: the longest gaps, and when (ms after the page started) against the import's phases.
	const worst = [...gaps]
		.sort((a, b) => b[0] - a[0])
		.slice(0, 3)
		.map(([g, at]) => `${g.toFixed(0)} ms at ${at.toFixed(0)}`)
		.join(', ');
	const ok = await page.locator('[data-testid=import-result][data-status=ok]').count();
	const phases = (await page.evaluate(
		"performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => m.name + ' ' + (m.duration / 1000).toFixed(1) + ' s (from ' + m.startTime.toFixed(0) + ')').join(', ')"
	)) as string;
	console.log(`  (${inputs.length} files, chosen at ${readStart.toFixed(0)}: ${phases}; longest frame gaps ${worst})`);
	await context.close();
	return { seconds, longestFrame, longestInApp, ok };
}

try {
	const pdf = await importTimed(['tests/fixtures/real/hongze-2024.pdf']);
	console.log(`bench:import — Chromium, cold page each time`);
	console.log(`real PDF (hongze-2024.pdf): ${pdf.seconds.toFixed(2)} s from choosing the file to its report in the dashboard`);
	const all = await importTimed(corpus);
	console.log(
		`generated corpus: ${corpus.length} documents (${all.ok} ingested) in ${all.seconds.toFixed(1)} s = ${(corpus.length / all.seconds).toFixed(0)} documents/s; longest frame gap while importing ${all.longestFrame.toFixed(0)} ms, ${all.longestInApp.toFixed(0)} ms once the app has the files`
	);
} finally {
	await browser.close();
	server.stop();
}
