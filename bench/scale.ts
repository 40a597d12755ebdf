/**
 * npm run bench:scale — the national dataset (partitioned layout) in Chromium, cold cache each run:
 * time and bytes to the national overview, to a province, to a city and to one county's agencies,
 * and filter → charts latency within a province; a province chosen the moment its control is
 * usable, until it is answered; a warm revisit. Goals: national overview ≤ 2 s and ≤ 10 MB
 * besides the engine; a drill-down ≤ 1 s; filter → charts ≤ 100 ms median; filter answered ≤ 1.5 s.
 * Writes the national corpus first when it is missing (npm run generate -- --scale national).
 *   DATA=corpus/national PROVINCE=广东省 RUNS=3 npm run bench:scale
 */
import { spawnSync } from 'node:child_process';
import { serveApp } from '../scripts/lib/server';
import { existsSync, readFileSync } from 'node:fs';
import { chromiumLaunch } from '../scripts/lib/chromium';
import { chromium, type Page } from '@playwright/test';
import { quantile } from 'd3-array';
import { filterLatencies } from './filter-latency';
import { overviewAnswered } from './overview';

const PORT = 4392;
const DATA = process.env.DATA ?? 'corpus/national';
const PROVINCE = process.env.PROVINCE ?? '广东省';
const RUNS = Number(process.env.RUNS ?? 3);

if (!existsSync(`${DATA}/manifest.json`)) {
	console.log(`bench:scale: ${DATA} is missing; writing the national corpus (takes minutes)`);
	const r = spawnSync('npm', ['run', 'generate', '--', '--scale', 'national', '--out', DATA], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(1);
}
if (!existsSync('build/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(`${DATA}/manifest.json`, 'utf8'));
const server = await serveApp({ port: PORT, data: DATA });

/** The query engine: DuckDB-WASM and parquet-wasm binaries and DuckDB's worker. */
const isEngine = (url: string) => /duckdb-eh\.[\w-]+\.wasm|duckdb-browser-eh\.worker\.[\w-]+\.js|parquet_wasm_bg\.[\w-]+\.wasm/.test(url);

type Bytes = { data: number; app: number; engine: number; requests: number };
function meter(page: Page) {
	let b: Bytes = { data: 0, app: 0, engine: 0, requests: 0 };
	page.on('requestfinished', async (req) => {
		const s = await req.sizes().catch(() => null);
		if (!s) return;
		const n = s.responseBodySize + s.responseHeadersSize;
		const url = req.url();
		if (new URL(url).pathname.startsWith('/data/')) {
			b.data += n;
			b.requests++;
		} else if (isEngine(url)) b.engine += n;
		else b.app += n;
	});
	return {
		take(): Bytes {
			const out = b;
			b = { data: 0, app: 0, engine: 0, requests: 0 };
			return out;
		}
	};
}

/** Until every card has its answer (none loading or refreshing) and the frame after it is painted. */
async function settled(page: Page) {
	await page.waitForFunction("document.querySelector('[data-engine=ready]') && !document.querySelector('[aria-busy=true]')", null, { timeout: 120_000, polling: 10 });
}
const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

async function step(page: Page, act: () => Promise<unknown>, until: () => Promise<unknown>): Promise<number> {
	const before = page.url();
	const t0 = await now(page);
	await act();
	await page.waitForFunction(`location.href !== ${JSON.stringify(before)}`, null, { timeout: 10_000, polling: 5 });
	await until();
	return (await now(page)) - t0;
}

const browser = await chromium.launch(chromiumLaunch);
const results: Record<string, { ms: number; bytes: Bytes }[]> = {};
const add = (k: string, ms: number, bytes: Bytes) => (results[k] ??= []).push({ ms, bytes });
let latencies: number[] = [];
let chosen = '';
try {
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
		const page = await context.newPage();
		const m = meter(page);
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.waitForSelector('[data-testid=chart-years] canvas', { timeout: 60_000 });
		const first = await now(page);
		await settled(page);
		add('national overview (first chart, from summary.json)', first, { data: 0, app: 0, engine: 0, requests: 0 });
		add('national overview (every chart from DuckDB)', await now(page), m.take());

		const province = await step(
			page,
			() => page.getByTestId('filter-province').selectOption(PROVINCE),
			() => settled(page)
		);
		add(`province ${PROVINCE} (overview)`, province, m.take());

		if (run === RUNS - 1) {
			// Filter changes within the province: agency kinds in turn, change → every card settled and drawn.
			latencies = await filterLatencies(page);
			m.take();
		}

		await page.getByRole('link', { name: '机关', exact: true }).click();
		await settled(page);
		m.take();
		// Drill-downs on the agency view: time until the region's agencies are listed, then until the
		// first agency's report (its figures and checks, loaded after the list) is drawn.
		const drill = async (label: string, select: string, name: string, listed: string) => {
			const before = page.url();
			const t0 = await now(page);
			await page.getByTestId(select).selectOption(name);
			await page.waitForFunction(`location.href !== ${JSON.stringify(before)}`, null, { timeout: 10_000, polling: 5 });
			await page.waitForFunction(listed, null, { timeout: 60_000, polling: 5 });
			add(`${label}: its agencies listed`, (await now(page)) - t0, m.take());
			await settled(page);
			add(`${label}: first agency's report drawn`, (await now(page)) - t0, m.take());
		};
		const metaOf = "[...document.querySelectorAll('[data-testid=agency-list] li .meta')]";
		// A county straight from the province (its own row groups, cold), then a city.
		const countyName = (await page.getByTestId('filter-county').locator('option').nth(1).textContent())!;
		await drill('a county', 'filter-county', countyName, `${metaOf}.length > 0 && ${metaOf}.every((e) => e.textContent.startsWith(${JSON.stringify(countyName)}))`);
		const cityName = (await page.getByTestId('filter-city').locator('option').nth(2).textContent())!;
		await drill('a city', 'filter-city', cityName, `${metaOf}.length > 0`);
		chosen = `${PROVINCE} › ${countyName}, then ${cityName}`;
		// Warm revisit: the same browser, a fresh page, until the national overview answers.
		const again = await context.newPage();
		await again.goto(`http://127.0.0.1:${PORT}/`);
		await overviewAnswered(again);
		add('warm revisit: national overview drawn, no card busy', await now(again), { data: 0, app: 0, engine: 0, requests: 0 });
		await settled(again);
		add('warm revisit: DuckDB answers', await now(again), { data: 0, app: 0, engine: 0, requests: 0 });
		await again.close();
		await context.close();

		// Filter answered: a cold page, the province chosen the moment its control is usable, until the headlines show it and no card is busy.
		const cold = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
		const p = await cold.newPage();
		await p.goto(`http://127.0.0.1:${PORT}/`);
		await p.waitForFunction(`[...(document.querySelector('[data-testid=filter-province]')?.options ?? [])].some((o) => o.value === ${JSON.stringify(PROVINCE)})`, null, {
			timeout: 120_000,
			polling: 10
		});
		add('province filter usable', await now(p), { data: 0, app: 0, engine: 0, requests: 0 });
		await p.getByTestId('filter-province').selectOption(PROVINCE);
		await p.waitForFunction(
			`new URLSearchParams(location.search).get('province') === ${JSON.stringify(PROVINCE)} && document.querySelector('[data-testid=headlines] .kpi') && !document.querySelector('[aria-busy=true]')`,
			null,
			{ timeout: 120_000, polling: 10 }
		);
		add(`province ${PROVINCE} set at once: filter answered`, await now(p), { data: 0, app: 0, engine: 0, requests: 0 });
		await cold.close();
	}
} finally {
	await browser.close();
	server.stop();
}

const med = (xs: number[]) => quantile(xs, 0.5)!;
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
console.log(
	`bench:scale — ${DATA}: ${manifest.totals.reports.toLocaleString()} reports, ${manifest.totals.figures.toLocaleString()} figures, ${manifest.totals.checks.toLocaleString()} checks; ${RUNS} cold runs in Chromium at 1440×900; ${chosen}`
);
for (const [name, rs] of Object.entries(results)) {
	const d = med(rs.map((r) => r.bytes.data));
	console.log(
		`${name.padEnd(58)} median ${med(rs.map((r) => r.ms))
			.toFixed(0)
			.padStart(5)} ms (runs ${rs.map((r) => r.ms.toFixed(0)).join(', ')})` +
			(rs[0].bytes.requests || d
				? `   data ${mb(d)} in ${med(rs.map((r) => r.bytes.requests))} requests, app ${mb(med(rs.map((r) => r.bytes.app)))}, engine ${mb(med(rs.map((r) => r.bytes.engine)))}`
				: '')
	);
}
console.log(`filter → charts within ${PROVINCE} (${latencies.length} changes): median ${med(latencies).toFixed(0)} ms, p95 ${quantile(latencies, 0.95)!.toFixed(0)} ms`);
