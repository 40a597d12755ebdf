/**
 * PDFs against the documents they were made from (tests/fixtures/office-pdf: generated Word reports
 * exported by LibreOffice, generated web pages printed by Chromium on A5): the same figures, blanks
 * included, none placed by order, the same agency and year.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../ingest/parse-file';

const DIR = 'tests/fixtures/office-pdf';
const cells = (figures: { table_code: string; row_code: string; col_code: string; value: number | null }[]) =>
	new Map(figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));

describe('a Word report or a web page, and the PDF made of it', () => {
	const names = readdirSync(DIR)
		.filter((f) => f.endsWith('.pdf'))
		.map((f) => f.replace(/\.pdf$/, ''));

	it.each(names)('%s: every cell of the source document, the same in the PDF', async (name) => {
		const source = existsSync(path.join(DIR, `${name}.docx`)) ? `${name}.docx` : `${name}.html`;
		const word = await parseReport(source, new Uint8Array(readFileSync(path.join(DIR, source))));
		const pdf = await parseReport(`${name}.pdf`, new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`))));
		if (word.status !== 'ok') throw new Error(word.reason);
		if (pdf.status !== 'ok') throw new Error(pdf.reason);
		const want = cells(word.figures);
		const got = cells(pdf.figures);
		// Every cell of its format: 200 (2021), 198 (2019).
		expect(want.size).toBe(word.report.format === '2021' ? 200 : 198);
		expect([...want].filter(([k, v]) => got.get(k) !== v).map(([k, v]) => `${k}: ${got.get(k)} (want ${v})`)).toEqual([]);
		expect(pdf.reading.placed_by_order).toEqual([]);
		expect([pdf.report.agency, pdf.report.year]).toEqual([word.report.agency, word.report.year]);
	});
});

describe('a generated page with blank cells, printed without table borders and with its cells on uneven baselines', () => {
	const LOOSE = path.join(DIR, 'borderless');
	const names = readdirSync(LOOSE)
		.filter((f) => f.endsWith('.pdf'))
		.map((f) => f.replace(/\.pdf$/, ''));

	it.each(names)('%s: no figure wrong (a blank cell leaves no trace: such rows are refused, never cut)', async (name) => {
		// The page a PDF was printed from: beside it, or (printed another way: .spaced) under its own name, or among the A5 prints.
		const source = `${name.replace(/\.[a-z]+$/, '')}.html`;
		const pageFile = [LOOSE, DIR].map((d) => path.join(d, source)).find((f) => existsSync(f))!;
		const page = await parseReport(source, new Uint8Array(readFileSync(pageFile)));
		const pdf = await parseReport(`${name}.pdf`, new Uint8Array(readFileSync(path.join(LOOSE, `${name}.pdf`))));
		if (page.status !== 'ok') throw new Error(page.reason);
		if (pdf.status !== 'ok') throw new Error(pdf.reason);
		const want = cells(page.figures);
		const got = cells(pdf.figures);
		expect([...got].filter(([k, v]) => want.get(k) !== v).map(([k, v]) => `${k}: ${v} (want ${want.get(k)})`)).toEqual([]);
		// Rows that kept all their figures are still read (few here: these pages leave many cells blank).
		expect(got.size).toBeGreaterThan(0);
	});
});
