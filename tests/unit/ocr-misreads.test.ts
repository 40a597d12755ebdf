/**
 * OCR Markdown whose figure cells were misread: a 0 recognised as the letter O (read as 0, said in
 * the warnings), or a figure recognised as some other letter (a row comes apart at it). Figures
 * come back or stay out; never a wrong number, and never one row's figures in another's place.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../generator/corpus';
import { Rng } from '../../generator/rng';
import { parseReport } from '../../ingest/parse-file';
import { cellKey } from '../../src/lib/schema/report-format';

// Markdown pipe tables, and crawler text whose cells end in ` |` (not the one-line kind).
const generated = generateCorpus({ seed: 41, forms: ['markdown', 'crawler'], maxAgencies: 8 }).documents;
const texts = new Map(await Promise.all(generated.map(async (d) => [d, new TextDecoder().decode(await d.bytes())] as const)));
const documents = generated.filter((d) => d.form === 'markdown' || /\S \|$/m.test(texts.get(d)!));

/** Each figure cell (between bars, or a line's first cell before its bar), replaced by `misread` with the given chance. */
function misread(text: string, rng: Rng, chance: number, as: (cell: string) => string | undefined): string {
	return text
		.split('\n')
		.map((line) => line.replace(/(?<=^\s*|\|\s*)(\d+)(?=\s*\|)/g, (cell) => (rng.next() < chance ? (as(cell) ?? cell) : cell)))
		.join('\n');
}

async function read(doc: (typeof documents)[number], text: string) {
	const result = await parseReport(doc.path, new TextEncoder().encode(text));
	if (result.status !== 'ok') throw new Error(`${doc.path}: ${result.reason}`);
	return result;
}

describe('OCR Markdown with misread figures', () => {
	it('covers both formats and both forms', () => {
		expect(new Set(documents.map((d) => `${d.form}/${d.spec.format}`))).toEqual(new Set(['markdown/2019', 'markdown/2021', 'crawler/2019', 'crawler/2021']));
	});

	it('a 0 read as O or 〇 is read as 0 with a warning: every figure comes back as the clean document gives it', async () => {
		const rng = new Rng(7);
		let lookalikes = 0;
		for (const doc of documents) {
			const text = texts.get(doc)!;
			const clean = await read(doc, text);
			// The clean document too: a row whose 总计 is left blank is read with it blank, never cut to fill it.
			for (const f of clean.figures)
				expect(f.value, `${doc.path} ${f.table_code}.${f.row_code}.${f.col_code}`).toBe(doc.spec.figures.get(cellKey(f.table_code, f.row_code, f.col_code)));
			const messy = await read(
				doc,
				misread(text, rng, 0.3, (cell) => (cell === '0' ? (rng.next() < 0.5 ? 'O' : '〇') : undefined))
			);
			const want = new Map(clean.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
			const got = new Map(messy.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
			expect(got, doc.path).toEqual(want);
			lookalikes += messy.warnings.filter((w) => w.code === 'zero_lookalike').length;
		}
		expect(lookalikes).toBeGreaterThan(50);
	});

	it("a figure read as another letter: what comes back is the document's figure, in its own row and column", async () => {
		const rng = new Rng(11);
		let back = 0;
		let lost = 0;
		for (const doc of documents) {
			const text = texts.get(doc)!;
			for (let round = 0; round < 4; round++) {
				const messy = await read(
					doc,
					misread(text, rng, 0.08, () => ['Q', 'l', 'B', 'S', 'a'][Math.floor(rng.next() * 5)])
				);
				const got = new Map(messy.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
				for (const [key, value] of got) expect(value, `${doc.path} round ${round} ${key}`).toBe(doc.spec.figures.get(key));
				back += got.size;
				lost += doc.spec.figures.size - got.size;
			}
		}
		// Most rows keep their figures; the misread rows and those whose place became unsure do not.
		expect(back).toBeGreaterThan(lost);
	});
});
