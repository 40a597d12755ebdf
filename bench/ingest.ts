/**
 * npm run bench:ingest [-- --seed N] [--runs N] [--copies N]: reports per second for the whole CLI (process start,
 * parsing on worker threads, checks, Parquet writing) on the generated corpus, all forms mixed,
 * and on each form alone, with one run's phases (parse, checks, DuckDB's writing). Goal: ≥ 1,000 reports/s on a 2-core machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, mkdirSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../generator/cli';

const { values: opts } = parseArgs({ options: { seed: { type: 'string', default: '2019' }, runs: { type: 'string', default: '3' }, copies: { type: 'string', default: '0' } } });
const seed = Number(opts.seed);
const root = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
const corpus = path.join(root, 'corpus');
const { documents } = await writeCorpus(corpus, seed);

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [] : [path.join(dir, e.name)]));
}

const runs = Number(opts.runs);

/** The CLI on one input folder, `runs` times (this machine's speed varies from run to run): median and best. */
function run(label: string, input: string, count: number) {
	const out = path.join(root, `out-${label}`);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		const r = spawnSync(process.execPath, ['scripts/ingest.js', input, '--out', out, '--quiet'], { encoding: 'utf8' });
		times.push((performance.now() - t0) / 1000);
		if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	// One more run with the CLI's phase marks: where the time goes (start, parse, checks, DuckDB's writing).
	const timed = spawnSync(process.execPath, ['scripts/ingest.js', input, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, INGEST_TIMING: '1' } });
	const mark = (label: string) => Number(new RegExp(`timing: ${label} (\\d+) ms`).exec(timed.stderr)?.[1] ?? NaN);
	const mb = files(input).reduce((s, f) => s + statSync(f).size, 0) / 1e6;
	console.log(
		`${label.padEnd(6)} ${String(count).padStart(5)} reports  median ${median.toFixed(2).padStart(5)} s = ${(count / median).toFixed(0).padStart(5)} reports/s  ` +
			`(best ${(count / times[0]).toFixed(0)}/s of ${runs} runs; ${mb.toFixed(1)} MB of input)`
	);
	console.log(
		`${''.padEnd(6)} phases of one run: files listed ${mark('listed')} ms, parsed ${mark('parsed')} ms, checked ${mark('checked')} ms, written ${mark('written')} ms (from the run's start, once Node and the CLI have loaded)`
	);
}

const copies = Number(opts.copies);

/** A long run (the corpus under several seeds): throughput per tenth, to see that it does not slow down. */
async function longRun() {
	const dirs = [corpus];
	let total = documents;
	for (let k = 1; k < copies; k++) {
		const dir = path.join(root, `corpus-${k}`);
		total += (await writeCorpus(dir, seed + k)).documents;
		dirs.push(dir);
	}
	const out = path.join(root, 'out-long');
	const t0 = performance.now();
	const marks: [number, number][] = [];
	const child = spawn(process.execPath, ['scripts/ingest.js', ...dirs, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		for (const m of chunk.matchAll(/ingest: (\d+)\/(\d+)/g)) marks.push([Number(m[1]), performance.now() - t0]);
	});
	const rss = await new Promise<number>((resolve) => child.on('exit', () => resolve(0)));
	void rss;
	const seconds = (performance.now() - t0) / 1000;
	console.log(`long run: ${total} files in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)} reports/s overall, parse + write)`);
	let prev: [number, number] = [0, 0];
	const rates = marks
		.filter((m, i) => i === marks.length - 1 || m[0] - prev[0] >= total / 10)
		.map((m) => {
			const r = ((m[0] - prev[0]) / (m[1] - prev[1])) * 1000;
			prev = m;
			return `${m[0]}: ${r.toFixed(0)}/s`;
		});
	console.log(`parse throughput by progress: ${rates.join(', ')}`);
}

console.log(`bench:ingest — generated corpus seed ${seed}, ${documents} documents, node ${process.version}`);
if (copies > 1) {
	await longRun();
	rmSync(root, { recursive: true, force: true });
	process.exit(0);
}
run('mixed', corpus, documents);
for (const ext of ['txt', 'html', 'docx']) {
	const dir = path.join(root, `only-${ext}`);
	mkdirSync(dir);
	const list = files(corpus).filter((f) => f.endsWith(`.${ext}`));
	list.forEach((f, i) => copyFileSync(f, path.join(dir, `${i}.${ext}`)));
	run(ext, dir, list.length);
}
rmSync(root, { recursive: true, force: true });
