/**
 * The ingest core in a Web Worker: one document in, its report (or the reason it was refused)
 * out. pdf.js and its assets come from the app's own build. Nothing leaves the browser.
 */
import { parseReport, type Overrides } from '$lib/ingest/parse';
import { checkLines, figureLines } from '$lib/ingest/rows-csv';
import { configurePdf } from '$lib/ingest/readers/pdf';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export interface ParseRequest {
	id: number;
	name: string;
	bytes: Uint8Array;
	overrides: Overrides;
	/** Where the app is served (its base path), for pdf.js's character maps and fonts. */
	assets: string;
}

let configured: string | undefined;

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
	const { id, name, bytes, overrides, assets } = e.data;
	if (configured !== assets) {
		configurePdf({
			cMapUrl: `${assets}/pdfjs/cmaps/`,
			standardFontDataUrl: `${assets}/pdfjs/standard_fonts/`,
			load: async () => {
				const lib = await import('pdfjs-dist');
				lib.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
				return lib as unknown as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
			}
		});
		configured = assets;
	}
	const result = await parseReport(name, bytes, overrides);
	// The CSV lines DuckDB takes are written here, beside the parse, not on the page's thread when the reports are added.
	if (result.status === 'ok') {
		const lines = { figures: figureLines(result.report.report_id, result.figures), checks: checkLines(result.report.report_id, result.checks) };
		(self as unknown as Worker).postMessage({ id, result: { ...result, lines } });
	} else (self as unknown as Worker).postMessage({ id, result });
};
