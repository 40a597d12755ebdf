/** Variants real documents have: a 2021 report that still prints （六）其他处理 as one row; rows copied as tab-separated lines. */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../generator/render-html';
import { renderText } from '../../generator/render-text';
import { renderCrawlerText, renderMarkdown } from '../../generator/render-flat';
import { renderPdf } from '../../generator/render-pdf';
import { Rng } from '../../generator/rng';
import { CLEAN, type ReportSpec } from '../../generator/spec';
import { parseReport } from '../../ingest/parse-file';
import { cellsOf, cellKey } from '../../src/lib/schema/report-format';

function spec2021OneOther(): ReportSpec {
	const figures = new Map<string, number | null>();
	for (const c of cellsOf('2021')) {
		if (c.table === 'requests' && c.row.startsWith('other_')) continue;
		figures.set(cellKey(c.table, c.row, c.col), 0);
	}
	figures.set('requests.new.natural', 5);
	figures.set('requests.new.total', 5);
	figures.set('requests.other.natural', 2);
	figures.set('requests.other.total', 2);
	figures.set('requests.granted.natural', 3);
	figures.set('requests.granted.total', 3);
	figures.set('requests.total.natural', 5);
	figures.set('requests.total.total', 5);
	return {
		agency: '郑州市金水区教育局',
		titleName: '郑州市金水区教育局',
		signature: '金水区教育局',
		year: 2022,
		format: '2021',
		published: '2023-01-20',
		figures,
		otherAsOneRow: true,
		generated: false
	};
}

describe('format variants', () => {
	const text = (render: (s: ReportSpec) => string) => async (s: ReportSpec) => new TextEncoder().encode(render(s));
	it.each([
		['html', text((s) => renderHtml(s, new Rng(1), CLEAN))],
		['txt', text((s) => renderText(s, new Rng(1), { ...CLEAN, dropOutcomeLabels: true }))],
		['crawler.txt', text((s) => renderCrawlerText(s, new Rng(1), CLEAN))],
		['md', text((s) => renderMarkdown(s, new Rng(1), CLEAN))],
		['pdf', (s: ReportSpec) => renderPdf(s, new Rng(1), CLEAN)]
	])('a 2021 %s report printing 其他处理 as one row keeps it as `other`', async (ext, render) => {
		const spec = spec2021OneOther();
		const r = await parseReport(`one-other.${ext}`, await render(spec));
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		const got = new Map(r.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
		expect(got).toEqual(spec.figures);
		expect(r.report.format).toBe('2021');
		expect(r.checks.filter((c) => c.passed !== true).map((c) => c.check_code + ' ' + c.message)).toEqual([]);
		expect(r.checks.some((c) => c.check_code === 'requests.applicants.other')).toBe(true);
	});
});
