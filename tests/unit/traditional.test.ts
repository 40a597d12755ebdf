/**
 * Reports in traditional characters (a mirror's or a portal's 繁体 copy of a mainland report): read
 * as the simplified original is, figure for figure, with a warning. The copies are made here from the
 * real fixtures with OpenCC, in Hong Kong and in Taiwan forms.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport, type Parsed } from '../../ingest/parse-file';
import { looksTraditional } from '../../src/lib/ingest/traditional';

const REAL = 'tests/fixtures/real';

async function parsed(name: string, text: string): Promise<Parsed> {
	const r = await parseReport(name, new TextEncoder().encode(text));
	if (r.status !== 'ok') throw new Error(r.reason);
	return r;
}
const cells = (r: Parsed) => r.figures.map((f) => `${f.table_code}.${f.row_code}.${f.col_code}=${f.value}`);

describe('reports in traditional characters', () => {
	it.each(['pingtan-2022.page.html', 'pingtan-2022.page.txt', 'pingtan-2023.page.txt'])(
		'%s in Hong Kong and Taiwan forms: the same figures, agency and year, warned',
		async (name) => {
			const original = readFileSync(`${REAL}/${name}`, 'utf8');
			const simplified = await parsed(name, original);
			expect(simplified.warnings.some((w) => w.code === 'traditional_chinese')).toBe(false);
			for (const to of ['hk', 'tw'] as const) {
				const copy = OpenCC.Converter({ from: 'cn', to })(original);
				expect(copy).toContain('政府信息公開');
				const r = await parsed(name, copy);
				expect(cells(r)).toEqual(cells(simplified));
				expect(r.report).toMatchObject({ agency: simplified.report.agency, year: simplified.report.year });
				expect(r.warnings.some((w) => w.code === 'traditional_chinese')).toBe(true);
			}
		}
	);

	it('a Word file in traditional characters: read converted after its reader, the same figures', async () => {
		const name = 'tests/fixtures/real-printed/pingtan-2023.office.docx';
		const bytes = readFileSync(name);
		const files = unzipSync(bytes);
		files['word/document.xml'] = strToU8(OpenCC.Converter({ from: 'cn', to: 'tw' })(strFromU8(files['word/document.xml'])));
		const simplified = await parseReport(name, bytes);
		const copy = await parseReport(name, zipSync(files));
		if (simplified.status !== 'ok' || copy.status !== 'ok') throw new Error('not read');
		expect(cells(copy)).toEqual(cells(simplified));
		expect(copy.report.agency).toBe(simplified.report.agency);
		expect(copy.warnings.some((w) => w.code === 'traditional_chinese')).toBe(true);
	});

	it('tells a traditional text from a simplified one that names a few traditional words', () => {
		const simplified = readFileSync(`${REAL}/pingtan-2022.page.txt`, 'utf8');
		expect(looksTraditional(simplified)).toBe(false);
		expect(looksTraditional(`${simplified}\n臺灣同胞來函諮詢開會報告`.repeat(2))).toBe(false);
		expect(looksTraditional(OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified))).toBe(true);
		expect(looksTraditional('政府信息公開工作年度報告')).toBe(false);
	});
});
