/**
 * Office-suite PDFs against the Word documents they were exported from (tests/fixtures/office-pdf,
 * generated reports exported by LibreOffice): the same figures, blanks included, none placed by order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../ingest/pipeline';

const DIR = 'tests/fixtures/office-pdf';
const cells = (figures: { table_code: string; row_code: string; col_code: string; value: number | null }[]) =>
	new Map(figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));

describe('a Word report and the PDF its office suite exported', () => {
	const names = readdirSync(DIR)
		.filter((f) => f.endsWith('.pdf'))
		.map((f) => f.replace(/\.pdf$/, ''));

	it.each(names)('%s: every cell of the Word document, the same in the PDF', async (name) => {
		const word = await parseReport(`${name}.docx`, new Uint8Array(readFileSync(path.join(DIR, `${name}.docx`))));
		const pdf = await parseReport(`${name}.pdf`, new Uint8Array(readFileSync(path.join(DIR, `${name}.pdf`))));
		if (word.status !== 'ok') throw new Error(word.reason);
		if (pdf.status !== 'ok') throw new Error(pdf.reason);
		const want = cells(word.figures);
		const got = cells(pdf.figures);
		expect(want.size).toBe(200);
		expect([...want].filter(([k, v]) => got.get(k) !== v).map(([k, v]) => `${k}: ${got.get(k)} (want ${v})`)).toEqual([]);
		expect(pdf.reading.placed_by_order).toEqual([]);
		expect([pdf.report.agency, pdf.report.year]).toEqual([word.report.agency, word.report.year]);
	});
});
