import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../ingest/parse-file';
import { cellKey } from '../../src/lib/schema/report-format';

const SAMPLE = 'tests/fixtures/samples/000_0230f7c11c6e0b53.txt';

describe('the real sample (管城回族区人民防空办公室, 2020)', async () => {
	const result = await parseReport(SAMPLE, readFileSync(SAMPLE));
	if (result.status !== 'ok') throw new Error(result.reason);
	const values = new Map(result.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));

	it('recognises agency, year, format, date and region', () => {
		expect(result.report).toMatchObject({
			agency: '管城回族区人民防空办公室',
			agency_kind: 'civil_air_defence',
			year: 2020,
			format: '2019',
			published: '2021-01-18',
			division_code: '410104',
			province: '河南省',
			city: '郑州市',
			county: '管城回族区',
			origin: 'document'
		});
	});

	it('reads every figure of sections 二–四: two non-zero, all others 0', () => {
		expect(values.get('active.license.prev_items')).toBe(2);
		expect(values.get('active.penalty.prev_items')).toBe(7);
		expect(result.figures).toHaveLength(22 + 23 * 7 + 15);
		const others = result.figures.filter((f) => !['active.license.prev_items', 'active.penalty.prev_items'].includes(cellKey(f.table_code, f.row_code, f.col_code)));
		expect(others.every((f) => f.value === 0)).toBe(true);
	});

	it('keeps the raw cell text, artefacts included', () => {
		const raw = result.figures.find((f) => f.raw.includes('[bookmark: _GoBack]'));
		expect(raw?.row_code).toBe('carried_out');
		expect(raw?.value).toBe(0);
	});

	it('passes every identity', () => {
		expect(result.checks.length).toBe(7 + 7 + 23 + 3);
		expect(result.checks.filter((c) => c.passed !== true)).toEqual([]);
	});

	it('warns only about the rows placed by position, naming them', () => {
		expect(result.warnings.map((w) => w.code)).toEqual(['placed_by_position']);
		expect(result.warnings[0].rows).toEqual([
			'granted',
			'partial',
			'denied_secret',
			'denied_law',
			'denied_safety',
			'denied_third_party',
			'denied_internal',
			'denied_process',
			'denied_enforcement',
			'denied_query'
		]);
		expect(result.warnings[0].message).toContain('予以公开');
	});
});
