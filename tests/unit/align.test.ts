/** Rows matched to the format's sequence: a label outranks a place taken by position. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/ingest/extract';
import type { Block } from '../../src/lib/ingest/document';
import { FORMATS } from '../../src/lib/schema/report-format';

/** Section 三 of the 2021 format with the given rows under its header. */
function requestsTable(rows: string[][]): Block[] {
	return [
		{ kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
		{ kind: 'table', rows: [['申请人情况'], ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], ...rows] },
		{ kind: 'text', text: '五、存在的主要问题及改进情况' }
	];
}

const defs = FORMATS['2021'].requests.rows;
/** Row k's seven figures: k + 1 natural persons, k + 1 in total. */
const full = (k: number) => [String(k + 1), '0', '0', '0', '0', '0', String(k + 1)];

describe('aligning rows to the format', () => {
	it('a row broken over two lines (figures on the next line) does not push the rows after it out of place', () => {
		const rows: string[][] = [];
		defs.forEach((d, k) => {
			if (d.code === 'carried_in') {
				// Five figures with the label, the last two on a line of their own (a PDF's uneven baselines).
				rows.push([d.label, ...full(k).slice(0, 5)]);
				rows.push(full(k).slice(5));
			} else rows.push([d.label, ...full(k)]);
		});
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		// Every labelled row keeps its own figures; the broken row is not read (which cells are which is not known).
		defs.forEach((d, k) => {
			if (d.code !== 'carried_in') expect(value(d.code), d.code).toBe(k + 1);
		});
		expect(value('carried_in')).toBeUndefined();
		expect(e.warnings.some((w) => w.code === 'placed_by_position')).toBe(false);
		expect(e.warnings.find((w) => w.code === 'rows_rejected' && w.message.includes('矛盾'))?.rows).toEqual(['granted']);
	});

	it('rows without labels are still placed by position when no label says otherwise', () => {
		const rows = defs.map((d, k) => (d.code === 'granted' || d.code === 'partial' ? full(k) : [d.label, ...full(k)]));
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		expect([value('granted'), value('partial')]).toEqual([3, 4]);
		expect(e.warnings.find((w) => w.code === 'placed_by_position')?.rows).toEqual(['granted', 'partial']);
	});

	it('（六）其他处理 run together with its first sub-row’s broken label is that sub-row, not the one-row form of （六）', () => {
		const rows = defs
			.filter((d) => d.code !== 'other')
			.map((d, k) => {
				// A narrow PDF cell: the group label and the sub-row's label interleaved, the sub-row's last character (正) on the next line.
				if (d.code === 'other_no_fix') return ['（六）1.申请人无正当其他处理由逾期不补', ...full(k)];
				return [d.label, ...full(k)];
			});
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		const k = defs.filter((d) => d.code !== 'other').findIndex((d) => d.code === 'other_no_fix');
		expect(value('other')).toBeUndefined();
		expect([value('other_no_fix'), value('other_no_fee')]).toEqual([k + 1, k + 2]);
	});

	it('（六）其他处理 printed as one row is still read as one row', () => {
		const rows = defs.filter((d) => !d.code.startsWith('other_')).map((d, k) => [d.label, ...full(k)]);
		const e = extract(requestsTable(rows), 2023);
		expect(e.figures.find((f) => f.row_code === 'other' && f.col_code === 'natural')?.value).toBe(rows.findIndex((r) => r[0] === '（六）其他处理') + 1);
	});

	it('a label cell naming two rows (a one-line text cut in the wrong place) gives its figures to the row named last', () => {
		const rows = defs.map((d, k) => [d.label, ...full(k)]);
		// The first row's label and figures run into the second's label, as when the cutter missed a row's start.
		rows.splice(0, 2, [`${defs[0].label} 1000001${defs[1].label}`, ...full(1)]);
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		expect(value(defs[1].code)).toBe(2);
		expect(value(defs[0].code)).toBeUndefined();
		defs.slice(2).forEach((d, k) => expect(value(d.code), d.code).toBe(k + 3));
	});

	it('a label cell holding rows that were never cut apart, figures after the last name, is refused, not read into that row', () => {
		const at = (code: string) => defs.findIndex((d) => d.code === code);
		const rows = defs.map((d, k) => [d.label, ...full(k)]);
		// Letter-spaced labels the one-line cutter did not find: three rows in one cell, the last row's figures after it.
		const fix = at('other_no_fix');
		rows.splice(fix, 3, [`（六）其他处理 ${defs[fix].label} 2000002 ${defs[fix + 1].label} 0000000 3 . 其 他`, '0', '2', '0', '0', '0', '0', '2']);
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		for (const code of ['other_no_fix', 'other_no_fee', 'other_misc']) expect(value(code), code).toBeUndefined();
		expect(value('total')).toBe(at('total') + 1);
		expect(e.warnings.find((w) => w.code === 'rows_rejected' && w.message.includes('没有分开'))?.rows).toEqual(['other_no_fee']);
	});

	it("a label with a typo that holds the next row's label is not read as that next row, nor are the rows after it placed by position", () => {
		const at = (code: string) => defs.findIndex((d) => d.code === code);
		const rows = defs.map((d, k) => [d.label, ...full(k)]);
		const g = at('granted');
		// Vertically centred labels wrapped into each other (a PDF without rules): 予以公开 typed 以予公开, the next label's
		// start in this row, its rest in the next row beside the next row's figures, the row after it with a typo too.
		rows.splice(
			g,
			3,
			['三、本年度办理结果（一）以予公开（二）部分公开（区分', ...full(g)],
			['处理的，只计这一情', ...full(g + 1)],
			['形，不计其他情形）1.属于家国秘密', ...full(g + 2)]
		);
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		for (const code of ['granted', 'partial', 'denied_secret']) expect(value(code), code).toBeUndefined();
		defs.slice(g + 3).forEach((d, k) => expect(value(d.code), d.code).toBe(g + 3 + k + 1));
		expect(value('new')).toBe(1);
	});

	it('a label that goes on in the next row (its figures on the first line) leaves the next row in its own place', () => {
		const at = (code: string) => defs.findIndex((d) => d.code === code);
		const rows = defs.map((d, k) => [d.label, ...full(k)]);
		const g = at('granted');
		// The usual wrapping: the granted row's label holds the start of the partial row's, whose rest stands beside partial's figures.
		rows.splice(g, 2, ['三、本年度办理结果（一）予以公开（二）部分公开（区分', ...full(g)], ['处理的，只计这一情形，不计其他情形）', ...full(g + 1)]);
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		defs.forEach((d, k) => {
			if (d.code !== 'other') expect(value(d.code), d.code).toBe(k + 1);
		});
	});

	it('a letter-spaced label come out a character per cell, its number a cell of its own, still names its row', () => {
		const rows = defs.map((d, k) => [...d.label.replace(/[（）]/g, '')].concat(full(k)));
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;
		defs.forEach((d, k) => {
			if (d.code !== 'other') expect(value(d.code), d.code).toBe(k + 1);
		});
		expect(e.warnings.some((w) => w.code === 'placed_by_position')).toBe(false);
	});

	it('after a row placed by position with too few cells, rows without a label are not placed until a label names one', () => {
		const at = (code: string) => defs.findIndex((d) => d.code === code);
		const rows = defs.map((d, k) => [d.label, ...full(k)]);
		const f = at('other_no_fee');
		// The sub-row's number read as a lone figure on a line of its own; the label lines after it unreadable.
		rows.splice(f, 2, ['申请人逾期', '2'], ['要求缴政费关', ...full(f)], ['其 它', ...full(f + 1)]);
		const e = extract(requestsTable(rows), 2023);
		const value = (row: string) => e.figures.find((x) => x.row_code === row && x.col_code === 'natural')?.value;
		expect(value('other_no_fee')).toBeUndefined();
		expect(value('other_misc')).toBeUndefined();
		expect(value('total')).toBe(at('total') + 1);
	});

	it("the table's head repeated after a page break, merged cells left empty, is no row: its last heading 其他 is not 3.其他", () => {
		const head = [
			['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''],
			['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
			['', '', '', '', '商业 企业', '科研 机构', '社会公益组织', '法律服务机构', '其他', '']
		];
		const row = (d: (typeof defs)[number], k: number) => [d.label, '', '', ...full(k)];
		const cut = defs.findIndex((d) => d.code === 'unable_not_held');
		const blocks: Block[] = [
			{ kind: 'text', text: '三、收到和处理政府信息公开申请情况' },
			{ kind: 'table', rows: [...head, ...defs.slice(0, cut).map(row)] },
			{ kind: 'text', text: '- 3 -' },
			{ kind: 'table', rows: [...head, ...defs.slice(cut).map((d, k) => row(d, cut + k))] },
			{ kind: 'text', text: '五、存在的主要问题及改进情况' }
		];
		const e = extract(blocks, 2023);
		defs.forEach((d, k) => expect(e.figures.find((f) => f.row_code === d.code && f.col_code === 'natural')?.value, d.code).toBe(k + 1));
		expect(e.warnings.filter((w) => w.table === 'requests')).toEqual([]);
		// The head's labels at the left, empty cells after them (an OCR grid): its last heading 总计 is not （七）总计.
		const left = [head[0], ['自然人', '法人或其他组织', '总计', '', '', '', '', '', '', ''], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '', '', '', '', '']];
		const again = extract(
			blocks.map((b, i) => (i === 3 && b.kind === 'table' ? { kind: 'table', rows: [...left, ...b.rows.slice(3)] } : b)),
			2023
		);
		expect(again.figures).toEqual(e.figures);
		// The total row, its label cells merged and printed twice, blank: read as blank, not taken for a head.
		const blankTotal = requestsTable(
			defs.map((d) => (d.code === 'total' ? ['三、本年度办理结果', '总计', '总计', '', '', '', '', '', '', ''] : [d.label, '', '', '', '', '', '', '']))
		);
		expect(extract(blankTotal, 2023).figures.filter((f) => f.row_code === 'total')).toHaveLength(7);
	});
});

describe('rows the document does not give', () => {
	const value = (e: ReturnType<typeof extract>, row: string) => e.figures.find((f) => f.row_code === row && f.col_code === 'natural')?.value;

	it('are named in a warning, their cells left out (not 0)', () => {
		const rows = defs.filter((d) => d.code !== 'other' && d.code !== 'denied_secret').map((d, k) => [d.label, ...full(k)]);
		const e = extract(requestsTable(rows), 2023);
		expect(value(e, 'denied_secret')).toBeUndefined();
		expect(e.warnings.filter((w) => w.code === 'rows_missing').map((w) => [w.table, w.rows])).toEqual([['requests', ['denied_secret']]]);
	});

	it('（六）其他处理 printed as one row in a 2021 report: its three sub-rows are not missing, nor is it when they are printed', () => {
		const oneRow = defs.filter((d) => !d.code.startsWith('other_')).map((d, k) => [d.label, ...full(k)]);
		expect(extract(requestsTable(oneRow), 2023).warnings.filter((w) => w.code === 'rows_missing')).toEqual([]);
		const subRows = defs.filter((d) => d.code !== 'other').map((d, k) => [d.label, ...full(k)]);
		expect(extract(requestsTable(subRows), 2023).warnings.filter((w) => w.code === 'rows_missing')).toEqual([]);
	});

	it('are not named twice: a row refused with its reason is not also missing', () => {
		const rows = defs.filter((d) => d.code !== 'other').map((d, k) => (d.code === 'carried_in' ? [d.label, '1', '2'] : [d.label, ...full(k)]));
		const e = extract(requestsTable(rows), 2023);
		expect(e.warnings.some((w) => w.code === 'rows_rejected' && w.rows?.includes('carried_in'))).toBe(true);
		expect(e.warnings.filter((w) => w.code === 'rows_missing')).toEqual([]);
	});
});

describe('labels and figures on lines of their own (a PDF without ruling lines, a table pasted as paragraphs)', () => {
	// Each label a line; each figure a line under it; blank cells lost. Section 二 of the real 2022 平潭 page so.
	const T = (text: string): Block => ({ kind: 'text', text });
	const R = (...rows: string[][]): Block => ({ kind: 'table', rows });
	const blocks: Block[] = [
		T('二、主动公开政府信息情况'),
		...['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章'].map(T),
		R(['0']),
		T('行政规范性文件'),
		R(['88'], ['55'], ['698']),
		...['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可'].map(T),
		R(['10690']),
		...['第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚'].map(T),
		R(['2113']),
		T('行政强制'),
		R(['0']),
		...['第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费'].map(T),
		R(['9116.36']),
		T('三、收到和处理政府信息公开申请情况')
	];
	it.each([false, true])('a figure is read in the row its label names, or not at all (figures run together: %s)', (runTogether) => {
		const e = extract(blocks, 2022, runTogether);
		const got = Object.fromEntries(e.figures.filter((f) => f.table_code === 'active' && f.value !== null).map((f) => [`${f.row_code}.${f.col_code}`, f.value]));
		expect(got).toEqual({ 'license.decisions': 10690, 'penalty.decisions': 2113, 'coercion.decisions': 0, 'fees.amount_wan': 9116.36 });
		expect(e.warnings.filter((w) => w.code === 'placed_by_position')).toEqual([]);
	});

	it.each([false, true])('without their label lines, no figure lands in another row’s place (figures run together: %s)', (runTogether) => {
		const e = extract(
			blocks.filter((b) => b.kind === 'table' || /[、项]|内容|件数|金额/.test(b.text)),
			2022,
			runTogether
		);
		const truth: Record<string, number> = { 'rules.issued': 0, 'license.decisions': 10690, 'penalty.decisions': 2113, 'coercion.decisions': 0, 'fees.amount_wan': 9116.36 };
		const read = e.figures.filter((f) => f.table_code === 'active' && f.value !== null);
		expect(read.filter((f) => truth[`${f.row_code}.${f.col_code}`] !== f.value)).toEqual([]);
	});
});

describe('figures of a PDF without rules that a narrow column ran into one cell', () => {
	// Cells as glyph runs (a PDF read by position): figures run together only where the text says so.
	const read = (cells: string[]) => {
		const rows = defs.filter((d) => d.code !== 'other').map((d, k) => (d.code === 'granted' ? [d.label, ...cells] : [d.label, ...full(k)]));
		const e = extract(requestsTable(rows), 2023, true, true);
		return COLUMNS.map((c) => e.figures.find((f) => f.row_code === 'granted' && f.col_code === c)?.value ?? null);
	};
	const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'];

	it('are apart when no part can be one letter-spaced figure (several characters, or a first 0)', () => {
		expect(read(['71', '3', '0', '0', '0', '0 74'])).toEqual([71, 3, 0, 0, 0, 0, 74]);
		expect(read(['37 0 0 0 0 0 37'])).toEqual([37, 0, 0, 0, 0, 0, 37]);
	});

	it('are apart when each part a figure gives the row its cells and its sum (2 0 0 0 0 2 is no 200002)', () => {
		expect(read(['0', '2 0 0 0 0 2'])).toEqual([0, 2, 0, 0, 0, 0, 2]);
	});

	it('stay unread when parts may be a letter-spaced figure and the row does not say otherwise', () => {
		// 1 2 may be 12: seven parts for seven cells, but the sum (1 + 2 + … ≠ 5) does not hold.
		expect(read(['1 2', '0', '0', '0', '0', '5'])).toEqual([null, null, null, null, null, null, null]);
	});
});

describe('rows whose label names a row behind the one reached', () => {
	const T = (text: string): Block => ({ kind: 'text', text });
	const active = (rows: string[][]): Block[] => [
		T('二、主动公开政府信息情况'),
		{ kind: 'table', rows: [['信息内容', '本年处理决定数量'], ...rows] },
		T('三、收到和处理政府信息公开申请情况')
	];
	const got = (e: ReturnType<typeof extract>) => Object.fromEntries(e.figures.filter((f) => f.value !== null).map((f) => [f.row_code, f.value]));

	it('printed out of the format’s order: each row is its label’s, never the next place by position', () => {
		const e = extract(
			active([
				['行政许可', '10690'],
				['行政强制', '0'],
				['行政处罚', '2113'],
				['行政事业性收费', '9116.36']
			]),
			2022
		);
		expect(got(e)).toEqual({ license: 10690, coercion: 0, penalty: 2113, fees: 9116.36 });
		expect(e.warnings.filter((w) => w.code === 'placed_by_position')).toEqual([]);
	});

	it('printed twice: the same figures are read once; other figures, neither', () => {
		const same = extract(
			active([
				['行政许可', '10690'],
				['行政处罚', '2113'],
				['行政处罚', '2113'],
				['行政事业性收费', '9116.36']
			]),
			2022
		);
		expect(got(same)).toEqual({ license: 10690, penalty: 2113, fees: 9116.36 });
		expect(same.warnings.filter((w) => w.code === 'rows_rejected' || w.code === 'placed_by_position')).toEqual([]);
		const other = extract(
			active([
				['行政许可', '10690'],
				['行政处罚', '2113'],
				['行政处罚', '5'],
				['行政事业性收费', '9116.36']
			]),
			2022
		);
		expect(got(other)).toEqual({ license: 10690, fees: 9116.36 });
		expect(other.warnings.find((w) => w.code === 'rows_rejected')?.rows).toEqual(['penalty']);
	});
});

describe('3.其他 alone', () => {
	it('names its row only within （六）: the applicants’ last column heading with figures after it is no 3.其他', () => {
		// A row's label lost under the head: its figures follow the head's last cell, 其他.
		const rows = [['其他', ...full(0)], ...defs.filter((d) => d.code !== 'other' && d.code !== 'new').map((d, k) => [d.label, ...full(k + 1)])];
		const e = extract(requestsTable(rows), 2023);
		const misc = e.figures.find((f) => f.row_code === 'other_misc' && f.col_code === 'natural')?.value;
		expect(misc).toBe(defs.filter((d) => d.code !== 'other' && d.code !== 'new').findIndex((d) => d.code === 'other_misc') + 2);
	});
});
