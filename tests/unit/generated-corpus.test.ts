/**
 * The default generated corpus, rendered in memory and read back: every figure the generator
 * wrote comes back, in every form and both formats, and the checks find exactly the planted
 * faults and no others.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../generator/corpus';
import { REAL_SAMPLES } from '../../generator/real-samples';
import { parseDocuments } from './parse-documents';
import { carriedOf, carryOverChecks } from '../../src/lib/ingest/checks';
import { classifyAgency } from '../../src/lib/schema/agency-kinds';
import { cellKey } from '../../src/lib/schema/report-format';

const { documents, faults, agencies } = generateCorpus({ seed: 2019, exclude: REAL_SAMPLES });

describe('generated corpus of 郑州市 (seed 2019)', async () => {
	const parsed = await parseDocuments(documents);

	it('covers a few hundred agencies of every county-level division, 2019–2025, in every form and both formats', () => {
		expect(agencies.length).toBeGreaterThan(300);
		expect(new Set(agencies.map((a) => a.countyCode)).size).toBe(15);
		expect(documents.length).toBeGreaterThan(1000);
		const combos = new Set(documents.map((d) => `${d.form}/${d.spec.format}`));
		expect([...combos].sort()).toEqual(['docx/2019', 'docx/2021', 'html-gbk/2019', 'html-gbk/2021', 'html/2019', 'html/2021', 'text/2019', 'text/2021']);
		expect(new Set(documents.map((d) => d.spec.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
		for (const a of agencies) expect(classifyAgency(a.name)).toBe(a.kind);
	});

	it('round trip: the ingest gives back exactly the figures the generator wrote', () => {
		let cells = 0;
		for (const { doc, result } of parsed) {
			const got = new Map(result.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
			expect(got, doc.path).toEqual(doc.spec.figures);
			expect(result.report, doc.path).toMatchObject({
				agency: doc.spec.titleName,
				year: doc.spec.year,
				format: doc.spec.format,
				published: doc.spec.published,
				origin: 'generated'
			});
			expect(result.report.division_code, doc.path).toBe(doc.path.slice(0, 6));
			cells += got.size;
		}
		expect(cells).toBeGreaterThan(200_000);
	});

	it('finds exactly the planted faults and no others', () => {
		const byAgency = new Map(parsed.map(({ result }) => [result.report.report_id, result]));
		const carry = carryOverChecks(
			parsed.map(({ result }) => ({
				report_id: result.report.report_id,
				agencyKey: `${result.report.division_code}|${result.report.agency}`,
				year: result.report.year,
				carried: carriedOf(result.figures)
			}))
		);
		const found = new Set<string>();
		for (const [id, r] of byAgency) {
			for (const c of [...r.checks, ...(carry.get(id) ?? [])]) {
				if (c.passed === false) found.add(`${r.report.agency}|${r.report.year}|${c.check_code}`);
				expect(c.passed, `${r.report.agency} ${r.report.year} ${c.check_code}`).not.toBeNull();
			}
		}
		const planted = new Set(faults.flatMap((f) => f.expected_checks.map((c) => `${f.agency}|${f.year}|${c}`)));
		expect(planted.size).toBeGreaterThan(50);
		expect([...found].sort()).toEqual([...planted].sort());
		const missing = faults.filter((f) => f.fault === 'missing_year');
		expect(missing.length).toBeGreaterThan(0);
		for (const m of missing) expect(parsed.some(({ result }) => result.report.agency === m.agency && result.report.year === m.year)).toBe(false);
	});
});
