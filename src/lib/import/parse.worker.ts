/**
 * The ingest core in a Web Worker: one document in, its report (or the reason it was refused)
 * out. pdf.js and its assets come from the app's own build. Nothing leaves the browser.
 */
import { MAX_INPUT_BYTES, TOO_LARGE, parseReport, type Overrides } from '$lib/ingest/parse';
import { encodeReportRows, toReportRows } from '$lib/ingest/rows-csv';
import { configurePdf, preloadPdf } from '$lib/ingest/readers/pdf';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Files of one import, a slice at a time from position `from`; requests name them by position. */
export interface FilesMessage {
	files: File[];
	from: number;
}

export interface ParseRequest {
	/** The file's position in the list; read here, not on the page's thread: its size first (over the limit it is refused unread), then its bytes. */
	id: number;
	overrides: Overrides;
	/** Where the app is served (its base path), for pdf.js's character maps and fonts. */
	assets: string;
}

let configured: string | undefined;

function configure(assets: string) {
	if (configured === assets) return;
	configurePdf({
		cMapUrl: `${assets}/pdfjs/cmaps/`,
		standardFontDataUrl: `${assets}/pdfjs/standard_fonts/`,
		load: async () => {
			const lib = await import('pdfjs-dist');
			// One pdf.js worker for every PDF, started with pdf.js itself (when the import panel opens):
			// not a new one, loading its 1 MB of code, for each document.
			lib.GlobalWorkerOptions.workerPort ??= new Worker(pdfWorkerUrl, { type: 'module' });
			return lib as unknown as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
		}
	});
	configured = assets;
}

const files: File[] = [];

/** Sent when the import panel opens. */
export interface WarmMessage {
	warm: true;
	assets: string;
}

self.onmessage = async (e: MessageEvent<ParseRequest | FilesMessage | WarmMessage>) => {
	if ('warm' in e.data) {
		// The import panel opened: load pdf.js before the first file arrives.
		configure(e.data.assets);
		preloadPdf();
		return;
	}
	if ('files' in e.data) {
		const { files: slice, from } = e.data;
		slice.forEach((file, k) => (files[from + k] = file));
		return;
	}
	const { id, overrides, assets } = e.data;
	const file = files[id];
	configure(assets);
	// Reading a file is a round trip to the browser (~6 ms, mostly waiting): several are read at once
	// while one is parsed. The page's time limit starts when the parse does.
	const result =
		file.size > MAX_INPUT_BYTES
			? { status: 'rejected' as const, reason: TOO_LARGE }
			: await file.arrayBuffer().then(
					(buffer) => {
						(self as unknown as Worker).postMessage({ id, started: true });
						return parseReport(file.name, new Uint8Array(buffer), overrides);
					},
					(e: Error) => ({ status: 'rejected' as const, reason: `无法读取文件：${e.message} (could not read)` })
				);
	// What the page needs, as the CLI's workers hand it over: the long tables as CSV lines (written
	// here, not on the page's thread), the carry-over and copy evidence as objects, no check objects.
	const rows = toReportRows(result);
	if (rows.status !== 'ok') (self as unknown as Worker).postMessage({ id, result: rows });
	else {
		const encoded = encodeReportRows(rows);
		(self as unknown as Worker).postMessage({ id, result: encoded }, [encoded.figuresCsv.buffer, encoded.checksCsv.buffer]);
	}
};
