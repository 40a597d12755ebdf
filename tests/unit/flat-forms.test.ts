/**
 * PDF, crawler text and OCR markdown, written by the generator and read back: every figure comes
 * back exactly, or the table it belongs to is rejected with its reason — never a wrong number.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { generateCorpus, type Form } from '../../generator/corpus';
import { renderCrawlerText, renderMarkdown } from '../../generator/render-flat';
import { Rng } from '../../generator/rng';
import { CLEAN } from '../../generator/spec';
import { parseFile, parseReport } from '../../ingest/parse-file';
import { parseDocuments } from './parse-documents';
import { cellKey } from '../../src/lib/schema/report-format';

const FORMS: Form[] = ['pdf', 'crawler', 'markdown'];
const { documents } = generateCorpus({ seed: 23, forms: FORMS, maxAgencies: 9 });

async function scannedPdf(): Promise<Uint8Array> {
	const doc = new PDFDocument({ size: 'A4' });
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise((r) => doc.on('end', r));
	doc.rect(50, 50, 400, 600).fill('#ccc');
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}

describe('forms whose cells lost their structure', async () => {
	const parsed = await parseDocuments(documents);

	it('covers every form in both formats', () => {
		expect(new Set(documents.map((d) => `${d.form}/${d.spec.format}`))).toEqual(new Set(FORMS.flatMap((f) => [`${f}/2019`, `${f}/2021`])));
		expect(new Set(parsed.map((p) => p.result.report.source_form))).toEqual(new Set(['pdf', 'text', 'markdown']));
	});

	it('every figure comes back, or its table is rejected with a reason; never a wrong number', () => {
		let back = 0;
		for (const { doc, result } of parsed) {
			const got = new Map(result.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
			const rejected = new Map(result.warnings.filter((w) => w.code === 'table_rejected').map((w) => [w.table, w.message]));
			// The proactive table has no identities: its rows are refused one by one when their cut is not unique.
			const rowsRefused = new Set(result.warnings.filter((w) => w.code === 'rows_rejected').flatMap((w) => (w.rows ?? []).map((r) => `${w.table}.${r}`)));
			for (const [key, value] of doc.spec.figures) {
				const table = key.split('.')[0] as 'active' | 'requests' | 'appeals';
				if (rowsRefused.has(key.split('.').slice(0, 2).join('.'))) {
					expect(got.has(key), `${doc.path} ${key}: a refused row gives no figures`).toBe(false);
				} else if (rejected.has(table)) {
					expect(got.has(key), `${doc.path} ${key}: a rejected table gives no figures`).toBe(false);
					expect(rejected.get(table)).toMatch(/无法确定拆分|不是可以拆分|只有/);
				} else {
					expect(got.get(key), `${doc.path} ${key}`).toBe(value);
					back++;
				}
			}
			expect(result.report, doc.path).toMatchObject({ agency: doc.spec.titleName, year: doc.spec.year, format: doc.spec.format, origin: 'generated' });
		}
		expect(back).toBeGreaterThan(8_000);
	});

	it('the requests and appeals tables almost always come back; cut rows are named', async () => {
		const tables = parsed.flatMap(({ result }) => (['requests', 'appeals'] as const).map((t) => result.warnings.some((w) => w.code === 'table_rejected' && w.table === t)));
		expect(tables.filter(Boolean).length / tables.length).toBeLessThan(0.05);
		const crawler = parsed.filter((p) => p.doc.form === 'crawler');
		const oneCellPerLine = crawler.filter((p) => p.result.reading.layout.includes('每个单元格一行'));
		// Cells a crawler kept one per line need no cutting: every figure is there as printed.
		expect(oneCellPerLine.length).toBeGreaterThan(2);
		// Rows marked off by runs of bars for their spans, one cell or one row per line (real crawlers do both).
		const shapes = new Set<string>();
		for (const p of oneCellPerLine) {
			const text = new TextDecoder().decode(await p.doc.bytes());
			shapes.add(`${/\| \|\|+\s*$|^\|\|+\s*$/m.test(text) ? 'bars' : 'no bars'}/${/\S \| \S.* \|\s*$/m.test(text) ? 'rows' : 'cells'}`);
		}
		expect(shapes).toEqual(new Set(['no bars/cells', 'bars/cells']));
		for (const { doc, result } of oneCellPerLine) {
			expect(result.warnings.filter((w) => ['reconstructed', 'table_rejected', 'rows_rejected', 'placed_by_position'].includes(w.code))).toEqual([]);
			expect(result.figures.length, doc.path).toBe(doc.spec.figures.size);
		}
		for (const { result } of crawler.filter((p) => !oneCellPerLine.includes(p))) {
			const cut = result.warnings.find((w) => w.code === 'reconstructed' && w.table === 'requests');
			const refused = result.warnings.find((w) => w.code === 'rows_rejected' && w.table === 'requests');
			if (!result.warnings.some((w) => w.code === 'table_rejected' && w.table === 'requests'))
				expect((cut?.rows?.length ?? 0) + (refused?.rows?.length ?? 0), JSON.stringify(result.warnings)).toBeGreaterThan(15);
		}
	});

	it("Markdown tables cut in two by a page, the head repeated whole, its last row or not at all: no figure other than the uncut table's", async () => {
		const figures = async (text: string) => {
			const r = await parseReport('cut.md', new TextEncoder().encode(text));
			if (r.status !== 'ok') throw new Error(r.reason);
			return new Map(r.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
		};
		const rng = new Rng(5);
		const SEPARATOR = /^\|( --- \|)+$/;
		let cuts = 0;
		let lost = 0;
		let cells = 0;
		for (const [i, { spec }] of documents.slice(0, 8).entries()) {
			const lines = renderMarkdown(spec, new Rng(i), CLEAN).split('\n');
			const whole = await figures(lines.join('\n'));
			for (const heading of lines.flatMap((l, k) => (/^## [二三四]、/.test(l) ? [k] : []))) {
				const start = lines.findIndex((l, k) => k > heading && l.startsWith('|'));
				let end = start;
				while (end < lines.length && lines[end].startsWith('|')) end++;
				const rows = lines.slice(start, end);
				const firstFigures = rows.findIndex((l) => /\|\s*\d/.test(l));
				const head = rows.slice(0, firstFigures).filter((l) => !SEPARATOR.test(l));
				for (const again of [head, head.slice(-1), []]) {
					const cut = rng.int(firstFigures + 1, rows.length - 1);
					const rest = [...again, ...rows.slice(cut)];
					const text = [...lines.slice(0, start), ...rows.slice(0, cut), '', '- 3 -', '', rest[0], rows.find((l) => SEPARATOR.test(l))!, ...rest.slice(1), ...lines.slice(end)];
					const got = await figures(text.join('\n'));
					// Never a different figure; a row whose label and figures the cut parted may be lost.
					expect(
						[...got].filter(([k, v]) => whole.get(k) !== v),
						`${spec.titleName} ${spec.year}: ${lines[heading]} cut at ${cut}`
					).toEqual([]);
					lost += whole.size - got.size;
					cells += whole.size;
					cuts++;
				}
			}
		}
		expect(cuts).toBeGreaterThanOrEqual(60);
		expect(lost / cells).toBeLessThan(0.01);
	});

	it.each([
		['one cell per line', { spanBars: false, rowPerLine: false }],
		['one cell per line, rows closed by bars for their spans', { spanBars: true, rowPerLine: false }],
		['one row per line, closed by bars for its spans', { spanBars: true, rowPerLine: true }]
	])('crawler text with %s: every figure as printed, no row placed by order', async (_, shape) => {
		const specs = documents.slice(0, 12).map((d) => d.spec);
		for (const [i, spec] of specs.entries()) {
			const text = renderCrawlerText(spec, new Rng(i), { ...CLEAN, cellLines: true, ...shape });
			const result = await parseReport(`cells-${i}.txt`, new TextEncoder().encode(text));
			if (result.status !== 'ok') throw new Error(result.reason);
			const got = new Map(result.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
			expect(got, `${spec.titleName} ${spec.year}`).toEqual(spec.figures);
			expect(result.reading.placed_by_order).toEqual([]);
		}
	});

	it('PDF: running heads and page numbers are not read as figures; tables split across pages are whole', () => {
		const pdfs = parsed.filter((p) => p.doc.form === 'pdf');
		expect(pdfs.length).toBeGreaterThan(5);
		// Covered: ruled tables with blank cells (read from the grid, blank kept apart from zero) and tables without borders.
		expect(pdfs.some((p) => p.doc.spec.tableBorders !== false && [...p.doc.spec.figures.values()].includes(null))).toBe(true);
		expect(pdfs.some((p) => p.doc.spec.tableBorders === false)).toBe(true);
		const multiPage = pdfs.filter((p) => p.result.warnings.every((w) => w.code !== 'table_rejected'));
		expect(multiPage.length).toBeGreaterThan(5);
		for (const { doc, result } of multiPage) {
			const printed = [...doc.spec.figures.keys()].filter((k) => k.startsWith('requests.')).length;
			expect(result.figures.filter((f) => f.table_code === 'requests').length, doc.path).toBe(printed);
		}
	});

	it('a PDF read from disk (a Buffer) goes through the same reader', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'pdf-')), 'report.pdf');
		const doc = documents.find((d) => d.form === 'pdf')!;
		writeFileSync(file, await doc.bytes());
		expect(await parseFile(file, {})).toMatchObject({ status: 'ok', report: { source_form: 'pdf', agency: doc.spec.titleName } });
	});

	it('a scanned PDF (no text layer) is rejected with that reason', async () => {
		const r = await parseReport('scan.pdf', await scannedPdf());
		expect(r).toMatchObject({ status: 'rejected', reason: expect.stringContaining('没有文字层') });
	});

	it('a damaged PDF is rejected with a reason', async () => {
		const bytes = await documents.find((d) => d.form === 'pdf')!.bytes();
		const r = await parseReport('cut.pdf', bytes.subarray(0, 2000));
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.reason).toMatch(/PDF/);
	});
});
