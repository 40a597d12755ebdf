/**
 * The browser import, page side: documents go to workers running the ingest core (one per core,
 * at most two), which read the files themselves (on the page's thread each File's size and bytes
 * cost ~1.6 ms of browser round trips), each with the CLI's limits (50 MB, refused before reading) and a time limit after
 * which its worker is stopped and the file refused with that reason; a failing file never stops
 * the others. Sidecars (`<file>.meta.json`) travel with their file. Nothing is uploaded.
 */
import { overridesFromSidecar, type Overrides, type Rejected } from '$lib/ingest/parse';
import type { EncodedReportRows } from '$lib/ingest/rows-csv';
import type { FilesMessage, ParseRequest, WarmMessage } from './parse.worker';
import ParseWorker from './parse.worker?worker';

export type ImportStatus = 'queued' | 'reading' | 'ok' | 'rejected' | 'duplicate';

/** What a result row shows; the parsed report itself is kept apart (large, and never shown whole). */
export interface ImportItem {
	file: string;
	status: ImportStatus;
	reason?: string;
	/** The earlier file (or the dataset) that holds the same document. */
	duplicateOf?: string;
	overrides: Overrides;
	agency?: string;
	year?: number;
	format?: string;
	failedChecks?: number;
	warnings?: { code: string; message: string }[];
}

/** Accepted document types; `.meta.json` sidecars are read with their file. */
export const IMPORT_ACCEPT = '.txt,.html,.htm,.docx,.pdf,.md,.json';
export const FILE_TIME_LIMIT_MS = 60_000;

const TIMED_OUT = `读取超过 ${FILE_TIME_LIMIT_MS / 1000} 秒，已停止；文件可能过大或结构异常 (timed out)`;

export function isSidecar(name: string): boolean {
	return /\.meta\.json$/i.test(name);
}

/** Files and their sidecars: `a.pdf` with `a.pdf.meta.json`. Other .json files are not documents. */
export async function withSidecars(files: File[]): Promise<{ file: File; overrides: Overrides }[]> {
	const sidecars = new Map<string, File>();
	for (const f of files) if (isSidecar(f.name)) sidecars.set(f.name.replace(/\.meta\.json$/i, ''), f);
	const out: { file: File; overrides: Overrides }[] = [];
	for (const file of files) {
		if (isSidecar(file.name) || /\.json$/i.test(file.name)) continue;
		const meta = sidecars.get(file.name);
		out.push({ file, overrides: meta ? overridesFromSidecar(await meta.text()) : {} });
	}
	return out;
}

export function newItems(inputs: { file: File; overrides: Overrides }[]): ImportItem[] {
	// Not file.size: each is a synchronous ask to the browser (2,442 of them held the page for 0.6 s); sizes are checked as files are read.
	return inputs.map(({ file, overrides }) => ({ file: file.name, status: 'queued', overrides }));
}

/** Workers started (and pdf.js loaded in them) when the import panel opened, taken by the first import. */
const warmed: Worker[] = [];

/** One parse worker per core, at most two. */
const defaultWorkers = () => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 2));

/** Start the parse workers before any file is chosen: the first file then meets a worker ready for it. */
export function prewarm(assets: string, workers = defaultWorkers()): void {
	while (warmed.length < workers) {
		const w = new ParseWorker();
		w.postMessage({ warm: true, assets } satisfies WarmMessage);
		warmed.push(w);
	}
}

type Outcome = EncodedReportRows | Rejected | 'timeout';

const FILES_PER_MESSAGE = 48;

/** Result updates applied to the rows in one frame. */
const PER_FRAME = 64;

/** Files a worker holds at once: reads overlap (each mostly a wait on the browser), parses do not. */
const IN_FLIGHT = 6;

/**
 * One worker, several files in flight: it reads the next ones (a wait on the browser) while it
 * parses one, and starts the next while the page takes the last result.
 * The worker is handed the list of files in slices (a message of many File handles costs less
 * than a message each), then asked for them by position. A worker that runs over
 * the time limit on a file is replaced; the file is refused and the other file it held is sent again
 * to the new worker.
 */
class Reader {
	private worker: Worker | undefined;
	/** How many of the files the worker has been given. */
	private sent = 0;
	private readonly inFlight = new Map<number, { overrides: Overrides; resolve: (o: Outcome) => void; timer?: ReturnType<typeof setTimeout> }>();
	constructor(
		private readonly assets: string,
		private readonly files: File[]
	) {}

	private start(): Worker {
		const w = warmed.pop() ?? new ParseWorker();
		this.sent = 0;
		w.onmessage = (e: MessageEvent<{ id: number; result: EncodedReportRows | Rejected } | { id: number; started: true }>) => {
			if ('started' in e.data) this.startClock(e.data.id);
			else this.finish(e.data.id, e.data.result);
		};
		w.onerror = (e) => {
			// An error outside a parse (the worker itself failed): every file it held is refused with it.
			for (const id of [...this.inFlight.keys()]) this.finish(id, { status: 'rejected', reason: `读取时出错：${e.message} (could not read)` });
		};
		return w;
	}

	private finish(id: number, outcome: Outcome) {
		const job = this.inFlight.get(id);
		if (!job) return;
		clearTimeout(job.timer);
		this.inFlight.delete(id);
		job.resolve(outcome);
	}

	/** The time limit runs from when the worker starts parsing the file, not while it waits its turn. */
	private startClock(id: number) {
		const job = this.inFlight.get(id);
		if (job) job.timer = setTimeout(() => this.timedOut(id), FILE_TIME_LIMIT_MS);
	}

	private send(id: number) {
		const job = this.inFlight.get(id)!;
		this.worker ??= this.start();
		// File handles go over in slices as they are needed: the first time each crosses to a worker
		// costs the page ~0.3 ms (the browser is asked for it), thousands at once would hold it for a second.
		while (this.sent <= id) {
			this.worker.postMessage({ files: this.files.slice(this.sent, this.sent + FILES_PER_MESSAGE), from: this.sent } satisfies FilesMessage);
			this.sent += FILES_PER_MESSAGE;
		}
		this.worker.postMessage({ id, overrides: job.overrides, assets: this.assets } satisfies ParseRequest);
	}

	private timedOut(id: number) {
		// A worker stuck on one file is stopped; what else it held goes to a fresh one.
		this.worker?.terminate();
		this.worker = undefined;
		this.finish(id, 'timeout');
		for (const other of this.inFlight.keys()) {
			clearTimeout(this.inFlight.get(other)!.timer);
			this.send(other);
		}
	}

	/** The file at `index` of the list. */
	read(index: number, overrides: Overrides): Promise<Outcome> {
		return new Promise<Outcome>((resolve) => {
			this.inFlight.set(index, { overrides, resolve });
			this.send(index);
		});
	}

	close() {
		this.worker?.terminate();
	}
}

/**
 * Read every file, updating `items` (the caller's reactive list) in place, one row at a time.
 * `known` maps report ids already in the dataset to their source, for duplicates. Returns the
 * parsed reports by file name.
 */
export async function importFiles(
	inputs: { file: File; overrides: Overrides }[],
	items: ImportItem[],
	opts: {
		assets: string;
		known: Map<string, string>;
		workers?: number;
		/** Row of `items` for the first input. */
		at?: number;
		/** Each file's final status as it is shown, for a running tally (counting the rows again each time cost seconds). */
		onsettled?: (status: ImportStatus) => void;
	}
): Promise<Map<string, EncodedReportRows>> {
	const seen = new Map(opts.known);
	const parsed = new Map<string, EncodedReportRows>();
	const files = inputs.map((input) => input.file);
	const readers = Array.from({ length: opts.workers ?? defaultWorkers() }, () => new Reader(opts.assets, files));
	let next = 0;
	const at = opts.at ?? 0;
	// Results change the page's rows once a frame, all that arrived together: one update per file
	// (thousands) kept the page's thread so busy that the workers waited for it.
	const queued: [number, Outcome | 'reading'][] = [];
	let frame: Promise<void> | undefined;
	const flush = () => {
		// At most a frame's worth: a backlog (after a long task) is shown over the next frames.
		const batch = queued.splice(0, PER_FRAME);
		frame = undefined;
		for (const [i, outcome] of batch) {
			if (outcome === 'reading') items[at + i].status = 'reading';
			else {
				apply(i, outcome);
				opts.onsettled?.(items[at + i].status);
			}
		}
		if (queued.length) schedule();
	};
	const later = (i: number, outcome: Outcome | 'reading') => {
		queued.push([i, outcome]);
		schedule();
	};
	const schedule = () => {
		// A hidden tab has no frames: a timer stands in so the import goes on.
		frame ??= new Promise<void>((resolve) => {
			let done = false;
			const run = () => {
				if (done) return;
				done = true;
				flush();
				resolve();
			};
			requestAnimationFrame(run);
			setTimeout(run, 100);
		});
	};
	const apply = (i: number, outcome: Outcome) => {
		const item = items[at + i];
		if (outcome === 'timeout') Object.assign(item, { status: 'rejected', reason: TIMED_OUT });
		else if (outcome.status === 'rejected') Object.assign(item, { status: 'rejected', reason: outcome.reason });
		else {
			// Duplicates are decided here, in the page, in the order results arrive.
			const dup = seen.get(outcome.report.report_id);
			if (dup) Object.assign(item, { status: 'duplicate', duplicateOf: dup, reason: `与 ${dup} 内容完全相同，只计一份报告` });
			else {
				seen.set(outcome.report.report_id, item.file);
				parsed.set(item.file, outcome);
				Object.assign(item, {
					status: 'ok',
					agency: outcome.report.agency,
					year: outcome.report.year,
					format: outcome.report.format,
					failedChecks: outcome.failedChecks,
					warnings: outcome.warnings.map((w) => ({ code: w.code, message: w.message }))
				});
			}
		}
	};
	try {
		await Promise.all(
			readers.map(async (reader) => {
				// Files in flight per worker: each reader loop runs this many times.
				const loop = async () => {
					for (let i = next++; i < inputs.length; i = next++) {
						later(i, 'reading');
						later(i, await reader.read(i, inputs[i].overrides));
					}
				};
				await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
			})
		);
		while (frame) await frame;
	} finally {
		for (const r of readers) r.close();
	}
	return parsed;
}
