/**
 * Parse files on worker threads (one per core) and hand results back in input order, so the
 * dataset does not depend on which worker finished first.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Overrides, Rejected } from '../src/lib/ingest/parse';
import type { EncodedReportRows, ReportRows } from '../src/lib/ingest/rows-csv';
import { JobQueues, fileKind } from './job-queues';
import { INGEST_BUNDLE_EXTERNALS } from '../scripts/lib/ingest-bundle-externals.js';

export type ParseJob = { file: string; overrides: Overrides };
const MAX_BATCH = 8;
/** A worker's rows come with their CSV as UTF-8 bytes; the in-process parse's as text. */
type Result = ReportRows | EncodedReportRows | Rejected;

export async function parseAll(
	jobs: ParseJob[],
	threads: number,
	onResult: (index: number, result: Result) => void,
	parseInProcess: (job: ParseJob) => Promise<Result>
): Promise<void> {
	const n = Math.min(threads, jobs.length);
	if (n <= 1) {
		for (let i = 0; i < jobs.length; i++) onResult(i, await parseInProcess(jobs[i]));
		return;
	}
	tuneCompilerForBatch();
	const prebuilt = prebuiltWorker();
	const bundle = prebuilt ?? (await bundleWorker());
	const compileInWorkers = compileOnEachWorkersThread();
	const workers = Array.from({ length: n }, () => new Worker(bundle));
	const online = workers.map((w) => new Promise((resolve) => w.once('online', resolve)));
	void Promise.all(online).then(compileInWorkers.restore);
	const pending = new Map<number, Result>();
	const queues = new JobQueues(
		jobs.map((j) => fileKind(j.file)),
		n
	);
	let emitted = 0;
	try {
		await new Promise<void>((resolve, reject) => {
			const feed = (w: Worker, k: number) => {
				// Several files a message: posting results one by one took ~9% of a worker's time, eight
				// at a time a quarter less. Batches shrink towards the end, so that no worker is left with a long one.
				const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(queues.remaining / (n * 8))));
				const batch = queues.take(k, emitted, size).map((id) => ({ id, ...jobs[id] }));
				if (batch.length) w.postMessage(batch);
			};
			workers.forEach((w, k) => {
				w.on('message', (results: { id: number; result: Result }[]) => {
					for (const { id, result } of results) pending.set(id, result);
					while (pending.has(emitted)) {
						onResult(emitted, pending.get(emitted)!);
						pending.delete(emitted);
						emitted++;
					}
					if (emitted === jobs.length) resolve();
					else feed(w, k);
				});
				w.on('error', reject);
				// Two batches in flight per worker keeps it busy while the main thread collects.
				feed(w, k);
				feed(w, k);
			});
		});
	} finally {
		compileInWorkers.restore();
		await Promise.all(workers.map((w) => w.terminate()));
		if (!prebuilt) rmSync(bundle, { force: true });
	}
}

/**
 * Each worker is a fresh engine that optimises the same parser from scratch: with V8's defaults,
 * compiling took a third of a run's CPU (1.3 of 4.5 s on the generated corpus, on threads
 * that compete with the other worker). Optimising only code that stays hot longer, with less
 * inlined into it, cut the parse by ~15% (bench:ingest). Every function is compiled to baseline
 * code (Sparkplug) when first called instead of interpreted until it is warm: once the workers
 * optimise on their own thread (below), ~1% of a run (sets of ten to sixteen alternating pairs
 * gave −0.1% to −2%). Set before the workers start; the last is read at each compile, in this
 * thread's engine too. The figures parsed do not depend on them.
 */
let tuned = false;
function tuneCompilerForBatch() {
	if (tuned || process.env.INGEST_V8_DEFAULTS) return;
	tuned = true;
	setFlagsFromString('--interrupt-budget=500000');
	setFlagsFromString('--max-inlined-bytecode-size-cumulative=400');
	setFlagsFromString('--always-sparkplug');
}

/**
 * The workers' engines optimise on their own thread, not on V8's background threads: with one
 * worker per core no core is left idle for those, and handing each function over and back cost
 * ~2% of a run (the CLI on the generated corpus, ten alternating pairs). An engine reads the
 * flag once, when it is made: it is set back once the workers are online, so the main thread's
 * engine, made before, does not run on under a flag that disagrees with how it was made.
 */
function compileOnEachWorkersThread(): { restore: () => void } {
	if (process.env.INGEST_V8_DEFAULTS) return { restore: () => {} };
	setFlagsFromString('--no-concurrent-recompilation');
	let restored = false;
	return {
		restore: () => {
			if (restored) return;
			restored = true;
			setFlagsFromString('--concurrent-recompilation');
		}
	};
}

/** When this module runs bundled (scripts/ingest.js), its worker was bundled beside it. */
function prebuiltWorker(): string | undefined {
	const file = fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));
	return existsSync(file) ? file : undefined;
}

/**
 * The worker as one JavaScript file (esbuild, ~0.1 s): loading TypeScript through tsx in every
 * worker cost ~1.5 s of start-up. It lives under node_modules/.cache so that its package imports
 * resolve from the project.
 */
async function bundleWorker(): Promise<string> {
	// Loaded only here: scripts/ingest.js runs a prebuilt worker, and esbuild takes ~20 ms to load.
	const { buildSync } = await import('esbuild');
	const dir = fileURLToPath(new URL('../node_modules/.cache/ingest/', import.meta.url));
	mkdirSync(dir, { recursive: true });
	const outfile = path.join(dir, `parse-worker-${process.pid}-${Date.now()}.mjs`);
	buildSync({
		entryPoints: [fileURLToPath(new URL('./parse-worker.ts', import.meta.url))],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		external: INGEST_BUNDLE_EXTERNALS,
		logLevel: 'error'
	});
	return outfile;
}

/** One per core; INGEST_THREADS=N overrides (1 parses in the main thread), for measuring. */
export function defaultThreads(): number {
	return Number(process.env.INGEST_THREADS) || Math.max(1, availableParallelism());
}
