/**
 * The browser import, page side: documents go to workers running the ingest core (one per core,
 * at most two), each with the CLI's limits (50 MB, refused before reading) and a time limit after
 * which its worker is stopped and the file refused with that reason; a failing file never stops
 * the others. Sidecars (`<file>.meta.json`) travel with their file. Nothing is uploaded.
 */
import { MAX_INPUT_BYTES, TOO_LARGE, overridesFromSidecar, type Overrides, type Parsed } from '$lib/ingest/parse';
import type { ParseRequest } from './parse.worker';
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

type Outcome = Parsed | { status: 'rejected'; reason: string } | 'timeout';

/** One worker, one file at a time; a worker that times out is replaced. */
class Reader {
	private worker: Worker | undefined;
	private next = 0;
	constructor(private readonly assets: string) {}

	read(name: string, bytes: Uint8Array, overrides: Overrides): Promise<Outcome> {
		this.worker ??= new ParseWorker();
		const w = this.worker;
		const id = this.next++;
		return new Promise<Outcome>((resolve) => {
			const timer = setTimeout(() => {
				// A worker stuck on one file is stopped; the next file gets a fresh one.
				w.terminate();
				if (this.worker === w) this.worker = undefined;
				resolve('timeout');
			}, FILE_TIME_LIMIT_MS);
			w.onmessage = (e: MessageEvent<{ id: number; result: Parsed }>) => {
				if (e.data.id !== id) return;
				clearTimeout(timer);
				resolve(e.data.result);
			};
			w.onerror = (e) => {
				clearTimeout(timer);
				resolve({ status: 'rejected', reason: `读取时出错：${e.message} (could not read)` });
			};
			w.postMessage({ id, name, bytes, overrides, assets: this.assets } satisfies ParseRequest, [bytes.buffer]);
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
	opts: { assets: string; known: Map<string, string>; workers?: number; /** Row of `items` for the first input. */ at?: number }
): Promise<Map<string, Parsed>> {
	const seen = new Map(opts.known);
	const parsed = new Map<string, Parsed>();
	const readers = Array.from({ length: Math.max(1, Math.min(opts.workers ?? navigator.hardwareConcurrency ?? 2, 2)) }, () => new Reader(opts.assets));
	let next = 0;
	const at = opts.at ?? 0;
	const settle = (i: number, outcome: Outcome) => {
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
					failedChecks: outcome.checks.filter((c) => c.passed === false).length,
					warnings: outcome.warnings.map((w) => ({ code: w.code, message: w.message }))
				});
			}
		}
	};
	// Reading a file's bytes is a round trip to the browser: the next few are read while workers parse.
	const PREFETCH = 6;
	const pending = new Map<number, Promise<Uint8Array>>();
	const bytesOf = (i: number) => {
		for (let k = i; k < Math.min(inputs.length, i + PREFETCH); k++) {
			if (!pending.has(k) && inputs[k].file.size <= MAX_INPUT_BYTES)
				pending.set(
					k,
					inputs[k].file.arrayBuffer().then((b) => new Uint8Array(b))
				);
		}
		const p = pending.get(i)!;
		pending.delete(i);
		return p;
	};
	try {
		await Promise.all(
			readers.map(async (reader) => {
				for (let i = next++; i < inputs.length; i = next++) {
					items[at + i].status = 'reading';
					const { file, overrides } = inputs[i];
					if (file.size > MAX_INPUT_BYTES) {
						Object.assign(items[at + i], { status: 'rejected', reason: TOO_LARGE });
						continue;
					}
					settle(i, await reader.read(file.name, await bytesOf(i), overrides));
				}
			})
		);
	} finally {
		for (const r of readers) r.close();
	}
	return parsed;
}
