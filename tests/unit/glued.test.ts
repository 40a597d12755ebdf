/** Figures that ran together: cut by the format's arithmetic, taken only when exactly one way fits. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/ingest/extract';
import { cuts, resolveAgreed, runTokens } from '../../src/lib/ingest/glued';
import { readText } from '../../src/lib/ingest/readers/text';
import type { Block } from '../../src/lib/ingest/document';
import { FORMATS } from '../../src/lib/schema/report-format';

const raw = (run: string, n: number, sums?: number[]) => cuts(runTokens([run]), n, { sums }).map((c) => c.map((x) => x.raw).join('|'));

describe('cutting one row', () => {
	it('finds the one cut whose applicant columns add up to the total', () => {
		expect(raw('15200031 156', 7, [7])).toEqual(['152|0|0|0|3|1|156']);
		expect(raw('0000000', 7, [7])).toEqual(['0|0|0|0|0|0|0']);
		expect(raw('1010002', 7, [7])).toEqual(['1|0|1|0|0|0|2']);
	});

	it('treats a space as a boundary and never starts a number with 0', () => {
		expect(raw('1 5 0 0 0 0 6', 7, [7])).toEqual(['1|5|0|0|0|0|6']);
		expect(raw('0150000150', 7, [7])).toEqual([]);
	});

	it('reads full-width digits and thousands separators', () => {
		expect(raw('１２０００００１２', 7, [7])).toEqual(['12|0|0|0|0|0|12']);
		expect(raw('1,200000001,200', 7, [7])).toEqual(['1,200|0|0|0|0|0|1,200']);
	});

	it('lists every cut when the row alone cannot tell', () => {
		expect(raw('101000011', 7, [7]).sort()).toEqual(['1|0|10|0|0|0|11', '10|1|0|0|0|0|11'].sort());
	});

	it('reads a blank’s mark in a run (/, ／, —, 无) as a cell of its own, its group’s sum unchecked', () => {
		expect(runTokens(['1/00001'])).toEqual(['1', '/', '00001']);
		expect(raw('1/00001', 7, [7])).toEqual(['1|/|0|0|0|0|1']);
		expect(raw('无000000', 7, [7])).toEqual(['无|0|0|0|0|0|0']);
		expect(raw('0—0', 3)).toEqual(['0|—|0']);
		// A dash before a figure other than 0 may be its sign: not a blank's mark.
		expect(runTokens(['0—2'])).toEqual(['0—2']);
		// With a blank in the group its sum cannot tell the cuts apart: every one is listed.
		expect(raw('／1211', 4, [4]).sort()).toEqual(['／|1|2|11', '／|1|21|1', '／|12|1|1'].sort());
	});

	it('cuts the fifteen appeal figures as three rows of five', () => {
		expect(raw('310041000100000', 15, [5, 5, 5])).toEqual(['3|1|0|0|4|1|0|0|0|1|0|0|0|0|0']);
	});

	it('resolves rows together: none, unique, ambiguous', () => {
		expect(resolveAgreed([1, 0], () => true)).toEqual({ status: 'none' });
		expect(resolveAgreed([2, 2], (c) => c[0] === 1 && c[1] === 0)).toEqual({ status: 'unique', agreed: [1, 0], count: 1 });
		// Two solutions that disagree on both rows: neither row is settled.
		expect(resolveAgreed([2, 2], (c) => c[0] === c[1])).toEqual({ status: 'partial', agreed: [null, null], count: 2 });
		// Two solutions that agree on the first row: it is settled, the second is not.
		expect(resolveAgreed([2, 2, 1], (c) => c[0] === 1)).toEqual({ status: 'partial', agreed: [1, null, 0], count: 2 });
		expect(resolveAgreed([100, 100, 100], () => true, 1000)).toEqual({ status: 'too_many' });
	});
});

/** A 2019 requests table whose rows are [label, run]; every outcome row 0 unless given. */
function requestsBlocks(runs: Record<string, string>): Block[] {
	const rows = FORMATS['2019'].requests.rows.map((r) => [r.label, runs[r.code] ?? '0000000']);
	return [
		{ kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
		{ kind: 'table', rows: [['申请人情况'], ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], ...rows] },
		{ kind: 'text', text: '五、存在的主要问题及改进情况' }
	];
}

describe('cutting a table', () => {
	it('a row ambiguous alone is settled by the table identities', () => {
		const e = extract(requestsBlocks({ new: '101000011', granted: '101000011', total: '10 1 0 0 0 0 11' }), 2020, true);
		const v = (row: string, col: string) => e.figures.find((f) => f.row_code === row && f.col_code === col)?.value;
		expect([v('granted', 'natural'), v('granted', 'commercial'), v('granted', 'research')]).toEqual([10, 1, 0]);
		expect([v('new', 'natural'), v('new', 'commercial')]).toEqual([10, 1]);
		const note = e.warnings.find((w) => w.code === 'reconstructed');
		// The total row was printed with spaces: cut at them, and named as cut like the others.
		expect(note?.rows).toEqual(expect.arrayContaining(['new', 'granted', 'total']));
	});

	it('refuses the rows two combinations disagree on, never guesses; forced rows are kept', () => {
		const e = extract(requestsBlocks({ new: '101000011', granted: '101000011', total: '101000011' }), 2020, true);
		const rows = new Set(e.figures.filter((f) => f.table_code === 'requests').map((f) => f.row_code));
		for (const r of ['new', 'granted', 'total']) expect(rows.has(r), r).toBe(false);
		// Seven digits for seven cells is one cut: kept.
		expect(rows.has('carried_in')).toBe(true);
		const refused = e.warnings.find((w) => w.code === 'rows_rejected');
		expect(refused?.rows).toEqual(['new', 'granted', 'total']);
		expect(refused?.message).toMatch(/2 种拆分都符合勾稽关系/);
	});

	it('when no cut makes the identities hold, keeps only rows whose own digits allow one cut, as printed', () => {
		const e = extract(requestsBlocks({ new: '15200031156', total: '15200031156', carried_out: '1000001' }), 2020, true);
		const got = new Map(e.figures.filter((f) => f.table_code === 'requests').map((f) => [`${f.row_code}.${f.col_code}`, f.value]));
		// The row's own sum allows one cut of 15200031156 only: 152 0 0 0 3 1 156, kept as printed.
		expect([...['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => got.get(`new.${c}`))]).toEqual([152, 0, 0, 0, 3, 1, 156]);
		// 1000001 is seven digits: kept as printed although the balance then fails (a finding, not a reason to drop it).
		expect(got.get('carried_out.natural')).toBe(1);
		expect(got.get('carried_out.total')).toBe(1);
		expect(e.warnings.find((w) => w.code === 'reconstructed')?.message).toMatch(/勾稽关系不成立/);
	});

	it('seven digits in parts a space apart, each a number of its own: cut only where the row’s sum holds', () => {
		// `1 0 0 0 0 81` (PDF text whose blank cell left no trace) is one figure short, not 8 and 1 run
		// together: 1 0 0 0 0 8 1 breaks the row's sum and is not read. `100 0 0 00` holds a part no number
		// can be (00): it ran together, and the seven digits are its seven cells even though its sum fails.
		const e = extract(requestsBlocks({ carried_in: '1 0 0 0 0 81', carried_out: '100 0 0 00', granted: '1 0 0 0 0 0 1', partial: '2 0 0 0 0 02' }), 2020, true);
		const got = new Map(e.figures.filter((f) => f.table_code === 'requests').map((f) => [`${f.row_code}.${f.col_code}`, f.value]));
		expect(got.has('carried_in.natural')).toBe(false);
		expect(e.warnings.some((w) => w.message.includes('1 0 0 0 0 81') && w.message.includes('空白单元格'))).toBe(true);
		expect([got.get('carried_out.natural'), got.get('carried_out.total')]).toEqual([1, 0]);
		expect(got.get('partial.total')).toBe(2);
	});

	it('crawler text: label and figures on one line, merged labels run together too', () => {
		const text = [
			'某某局2020年度政府信息公开工作年度报告',
			'三、收到和处理政府信息公开申请情况',
			'申请人情况',
			...FORMATS['2019'].requests.rows.map((r) =>
				r.code === 'new'
					? '一、本年新收政府信息公开申请数量15200031 156'
					: r.code === 'granted'
						? '三、本年度办理结果（一）予以公开15200031 156'
						: r.code === 'total'
							? '（七）总计15200031 156'
							: `${r.label}0000000`
			),
			'四、政府信息公开行政复议、行政诉讼情况',
			'行政复议行政诉讼',
			'310041000100000',
			'五、存在的主要问题及改进情况'
		].join('\n');
		const doc = readText(text);
		expect(doc.runTogether).toBe(true);
		const e = extract(doc.blocks, 2020, true);
		const v = (t: string, row: string, col: string) => e.figures.find((f) => f.table_code === t && f.row_code === row && f.col_code === col)?.value;
		expect(v('requests', 'granted', 'total')).toBe(156);
		expect(v('requests', 'new', 'legal')).toBe(3);
		expect([v('appeals', 'review', 'upheld'), v('appeals', 'review', 'total'), v('appeals', 'suit_direct', 'total')]).toEqual([3, 4, 1]);
		expect(e.warnings.filter((w) => w.code === 'table_rejected')).toEqual([]);
	});

	it('a markdown table from OCR: a label on its own row joins the figures below it', () => {
		const md = [
			'| 申请人情况 | | | | | | | |',
			'| --- | --- | --- | --- | --- | --- | --- | --- |',
			...FORMATS['2019'].requests.rows.flatMap((r) =>
				r.code === 'new'
					? ['| 一、本年新收政府信息 | | | | | | | |', '| 公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |']
					: r.code === 'granted'
						? ['| 三、本年度办理结果（一）予以公开 | | | | | | | |', '| | 2 | 00 | 0 | 0 | 0 | 2 |']
						: r.code === 'total'
							? ['| （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |']
							: [`| ${r.label} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`]
			)
		];
		const doc = readText(['某某局2020年度政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...md, '五、存在的主要问题及改进情况'].join('\n'));
		expect(doc.markdown).toBe(true);
		const e = extract(doc.blocks, 2020, true);
		const granted = e.figures.filter((f) => f.row_code === 'granted').map((f) => f.value);
		expect(granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
		expect(e.figures.find((f) => f.row_code === 'new' && f.col_code === 'total')?.value).toBe(2);
	});
});
