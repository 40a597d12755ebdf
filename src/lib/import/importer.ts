/**
 * The browser import, page side: documents go one at a time to a worker running the ingest core,
 * each with the CLI's limits (50 MB, refused before reading) and a time limit after which the
 * worker is stopped and the file refused with that reason; a failing file never stops the others.
 * Sidecars (`<file>.meta.json`) travel with their file. Nothing is uploaded.
 */
import { MAX_INPUT_BYTES, TOO_LARGE, overridesFromSidecar, type Overrides, type Parsed } from '$lib/ingest/parse';
import type { ParseRequest } from './parse.worker';
import ParseWorker from './parse.worker?worker';

export type ImportStatus = 'queued' | 'reading' | 'ok' | 'rejected' | 'duplicate';

export interface ImportItem {
	file: string;
	size: number;
	status: ImportStatus;
	reason?: string;
	result?: Parsed;
	/** The earlier file (or the dataset) that holds the same document. */
	duplicateOf?: string;
	overrides: Overrides;
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

/**
 * Read every file in turn; `onChange` gets the list after every step. `known` maps report ids
 * already in the dataset to their source, for duplicates.
 */
export async function importFiles(
	inputs: { file: File; overrides: Overrides }[],
	opts: { assets: string; known: Map<string, string>; onChange: (items: ImportItem[]) => void }
): Promise<ImportItem[]> {
	const items: ImportItem[] = inputs.map(({ file, overrides }) => ({ file: file.name, size: file.size, status: 'queued', overrides }));
	const seen = new Map(opts.known);
	let worker: Worker | undefined;
	let next = 0;
	const update = () => opts.onChange(items.map((i) => ({ ...i })));
	update();
	try {
		for (let i = 0; i < inputs.length; i++) {
			const item = items[i];
			item.status = 'reading';
			update();
			if (inputs[i].file.size > MAX_INPUT_BYTES) {
				Object.assign(item, { status: 'rejected', reason: TOO_LARGE });
				update();
				continue;
			}
			const bytes = new Uint8Array(await inputs[i].file.arrayBuffer());
			worker ??= new ParseWorker();
			const w = worker;
			const id = next++;
			const result = await new Promise<Parsed | { status: 'rejected'; reason: string } | 'timeout'>((resolve) => {
				const timer = setTimeout(() => resolve('timeout'), FILE_TIME_LIMIT_MS);
				w.onmessage = (e: MessageEvent<{ id: number; result: Parsed }>) => {
					if (e.data.id !== id) return;
					clearTimeout(timer);
					resolve(e.data.result);
				};
				w.onerror = (e) => {
					clearTimeout(timer);
					resolve({ status: 'rejected', reason: `读取时出错：${e.message} (could not read)` });
				};
				w.postMessage({ id, name: item.file, bytes, overrides: item.overrides, assets: opts.assets } satisfies ParseRequest, [bytes.buffer]);
			});
			if (result === 'timeout') {
				// A worker stuck on one file is stopped; the next file gets a fresh one.
				worker.terminate();
				worker = undefined;
				Object.assign(item, { status: 'rejected', reason: TIMED_OUT });
			} else if (result.status === 'rejected') Object.assign(item, { status: 'rejected', reason: result.reason });
			else {
				const dup = seen.get(result.report.report_id);
				if (dup) Object.assign(item, { status: 'duplicate', duplicateOf: dup, reason: `与 ${dup} 内容完全相同，只计一份报告` });
				else {
					seen.set(result.report.report_id, item.file);
					Object.assign(item, { status: 'ok', result });
				}
			}
			update();
		}
	} finally {
		worker?.terminate();
	}
	return items;
}
