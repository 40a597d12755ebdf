/**
 * npm run bench:ui: a cold load of the default dataset in Chromium — time to the first chart,
 * time until DuckDB answers, bytes transferred — and the median / 95th percentile time from a
 * filter change to all charts updated; a filter set the moment its control is usable, until it is
 * answered; a warm revisit (same browser) until the dashboard answers. Goals: first chart ≤ 1 s,
 * filter → charts ≤ 100 ms median, filter answered ≤ 1.5 × first chart, warm revisit ≤ 0.6 s.
 */
import { spawnSync } from 'node:child_process';
import { serveApp } from '../scripts/lib/server';
import { existsSync } from 'node:fs';
import { chromiumLaunch } from '../scripts/lib/chromium';
import { chromium } from '@playwright/test';
import { quantile } from 'd3-array';
import { filterLatencies } from './filter-latency';
import { overviewAnswered } from './overview';

const PORT = 4391;
if (!existsSync('data/datasets.json')) spawnSync('npm', ['run', 'dataset'], { stdio: 'inherit' });
if (!existsSync('build/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const server = await serveApp({ port: PORT, data: 'data' });

const browser = await chromium.launch(chromiumLaunch);
try {
	const runs = Number(process.env.RUNS ?? 5);
	const loads: { first: number; engine: number; bytes: number }[] = [];
	const warm: { answered: number; engine: number }[] = [];
	const answered: { control: number; answered: number }[] = [];
	let latencies: number[] = [];
	let queryTimes: number[] = [];
	for (let run = 0; run < runs; run++) {
		// Cold cache; the bench's own probes are strings evaluated in the page, which the app's CSP forbids.
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
		const page = await context.newPage();
		let bytes = 0;
		page.on('requestfinished', async (req) => {
			const s = await req.sizes().catch(() => null);
			if (s) bytes += s.responseBodySize + s.responseHeadersSize;
		});
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.waitForSelector('[data-testid=chart-years] canvas', { timeout: 60_000 });
		const first = (await page.evaluate('performance.now()')) as number;
		await page.waitForFunction("document.querySelector('[data-engine=ready]') && !document.querySelector('[aria-busy=true]')", null, { timeout: 120_000, polling: 20 });
		const engine = (await page.evaluate('performance.now()')) as number;
		await page.waitForTimeout(300);
		loads.push({ first, engine, bytes });
		// Warm revisit: the same browser (HTTP cache and compiled code warm), a fresh page, until the dashboard answers.
		// "Answered": the overview's headlines and charts drawn, no card busy (from the cube or the engine); then the engine ready too.
		const again = await context.newPage();
		await again.goto(`http://127.0.0.1:${PORT}/`);
		await overviewAnswered(again);
		const drawn = (await again.evaluate('performance.now()')) as number;
		await again.waitForFunction("document.querySelector('[data-engine=ready]') && !document.querySelector('[aria-busy=true]')", null, { timeout: 120_000, polling: 20 });
		warm.push({ answered: drawn, engine: (await again.evaluate('performance.now()')) as number });
		await again.close();
		if (run === runs - 1) {
			// Filter changes: agency kinds in turn, timing change → every card settled and drawn.
			latencies = await filterLatencies(page);
			queryTimes = (await page.evaluate("performance.getEntriesByName('query').slice(-120).map((e) => e.duration)")) as number[];
		}
		await context.close();
		// Filter answered: a cold page, the agency-kind filter set the moment it can be, until every card shows the filtered figures.
		const cold = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
		const p = await cold.newPage();
		await p.goto(`http://127.0.0.1:${PORT}/`);
		const select = p.getByTestId('filter-kind');
		await p.waitForFunction("document.querySelector('[data-testid=filter-kind]')?.options.length > 1", null, { timeout: 120_000, polling: 10 });
		const control = (await p.evaluate('performance.now()')) as number;
		const kind = await select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).filter(Boolean)[0]);
		await select.selectOption(kind);
		await p.waitForFunction(
			// Answered: the URL holds the filter, the headline figures are drawn and no card is busy (from the cube or the engine).
			`new URLSearchParams(location.search).get('kind') === ${JSON.stringify(kind)} && document.querySelector('[data-testid=headlines] .kpi') && !document.querySelector('[aria-busy=true]')`,
			null,
			{ timeout: 120_000, polling: 10 }
		);
		answered.push({ control, answered: (await p.evaluate('performance.now()')) as number });
		await cold.close();
	}
	const med = (xs: number[]) => quantile(xs, 0.5)!;
	console.log(`bench:ui — default dataset, ${runs} cold loads (and as many warm revisits and filter-answered loads) in Chromium at 1440×900`);
	console.log(`time to first chart:      median ${med(loads.map((l) => l.first)).toFixed(0)} ms   (runs: ${loads.map((l) => l.first.toFixed(0)).join(', ')})`);
	console.log(`time until DuckDB answers: median ${med(loads.map((l) => l.engine)).toFixed(0)} ms   (runs: ${loads.map((l) => l.engine.toFixed(0)).join(', ')})`);
	console.log(`filter control usable:    median ${med(answered.map((a) => a.control)).toFixed(0)} ms   (runs: ${answered.map((a) => a.control.toFixed(0)).join(', ')})`);
	console.log(
		`filter answered:          median ${med(answered.map((a) => a.answered)).toFixed(0)} ms   (runs: ${answered.map((a) => a.answered.toFixed(0)).join(', ')}; set the moment the control was usable)`
	);
	console.log(
		`warm revisit answered:    median ${med(warm.map((w) => w.answered)).toFixed(0)} ms   (runs: ${warm.map((w) => w.answered.toFixed(0)).join(', ')}; the overview drawn, no card busy)`
	);
	console.log(`warm revisit, DuckDB:     median ${med(warm.map((w) => w.engine)).toFixed(0)} ms   (runs: ${warm.map((w) => w.engine.toFixed(0)).join(', ')})`);
	console.log(`bytes transferred:        ${(med(loads.map((l) => l.bytes)) / 1e6).toFixed(2)} MB (compressed where the server could)`);
	console.log(
		`single queries:           median ${queryTimes.length ? med(queryTimes).toFixed(0) : '—'} ms, p95 ${queryTimes.length ? quantile(queryTimes, 0.95)!.toFixed(0) : '—'} ms (${queryTimes.length} queries)`
	);
	console.log(`filter → charts (${latencies.length} changes): median ${med(latencies).toFixed(0)} ms, p95 ${quantile(latencies, 0.95)!.toFixed(0)} ms`);
} finally {
	await browser.close();
	server.stop();
}
