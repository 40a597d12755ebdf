/** Figures and checks cross from the parse workers to DuckDB as CSV: nothing may change on the way. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DatasetWriter } from '../../ingest/dataset';
import { readFileSync } from 'node:fs';
import { CellListRefs, checkLines, copyEvidenceOf, encodeReportRows, figureLines, parseFigureLines, toReportRows, type ReportRows } from '../../src/lib/ingest/rows-csv';
import { cutByCopies } from '../../src/lib/ingest/copies';
import { parseReport } from '../../ingest/parse-file';
import type { Figure } from '../../src/lib/ingest/extract';
import type { CheckResult } from '../../src/lib/schema/identities';
import type { ReportRow } from '../../src/lib/ingest/report-row';

const report: ReportRow = {
	report_id: 'abc',
	agency: '测试局',
	agency_kind: '其他',
	year: 2021,
	format: '2021',
	published: '2022-01-30',
	province: '河南省',
	city: '郑州市',
	county: '管城回族区',
	division_code: '410104',
	origin: 'document',
	source_name: 'a.txt',
	source_form: 'text',
	source_encoding: 'utf-8',
	source_sha256: 'abc',
	warnings: 0,
	reconstructed: false
};
const figures: Figure[] = [
	{ table_code: 'requests', row_code: 'new', col_code: 'total', value: 12, raw: '１２', unit: null },
	{ table_code: 'requests', row_code: 'new', col_code: 'natural', value: null, raw: '', unit: null },
	{ table_code: 'active', row_code: 'fees', col_code: 'amount_wan', value: 25.1, raw: '251000元, "含" 税\n第二行', unit: '元' },
	{ table_code: 'requests', row_code: 'carried_in', col_code: 'total', value: 0.1 + 0.2, raw: '=HYPERLINK("x")', unit: null }
];
const checks: CheckResult[] = [
	{
		check_code: 'requests.balance.total',
		kind: 'identity',
		table_code: 'requests',
		rule: 'balance',
		passed: null,
		expected: null,
		actual: null,
		cells: ['requests.new.total', 'requests.carried_in.total'],
		blank_cells: [],
		missing_cells: ['requests.total.total'],
		message: '缺少, "单元格"'
	},
	{
		check_code: 'appeals.row.review',
		kind: 'identity',
		table_code: 'appeals',
		rule: 'appeals',
		passed: false,
		expected: 3,
		actual: 4,
		cells: [],
		blank_cells: ['appeals.review.total'],
		missing_cells: [],
		message: '3 ≠ 4'
	}
];

describe('figures and checks as CSV', async () => {
	const out = mkdtempSync(path.join(tmpdir(), 'rows-csv-'));
	const writer = new DatasetWriter(out);
	writer.add(report, figureLines('abc', figures), checkLines('abc', checks));
	await writer.finish({});
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const read = async (t: string, order: string) => (await c.runAndReadAll(`SELECT * FROM '${path.join(out, t)}.parquet' ORDER BY ${order}`)).getRowObjectsJson();

	it('keeps values, blanks (NULL) apart from empty text, quotes, commas and newlines', async () => {
		const rows = await read('figures', 'table_code, row_code, col_code');
		const back = rows.map((r) => ({ table_code: r.table_code, row_code: r.row_code, col_code: r.col_code, value: r.value, raw: r.raw, unit: r.unit }));
		const sorted = [...figures].sort((a, b) => (`${a.table_code}.${a.row_code}.${a.col_code}` < `${b.table_code}.${b.row_code}.${b.col_code}` ? -1 : 1));
		expect(back).toEqual(sorted);
	});

	it('keeps check results, NULL passed and the cell lists as JSON', async () => {
		const rows = await read('checks', 'check_code');
		expect(rows.map((r) => r.check_code)).toEqual(['appeals.row.review', 'requests.balance.total']);
		expect(rows[1]).toMatchObject({ passed: null, expected: null, message: '缺少, "单元格"' });
		expect(JSON.parse(String(rows[1].cells))).toEqual(checks[0].cells);
		expect(JSON.parse(String(rows[1].missing_cells))).toEqual(['requests.total.total']);
		expect(rows[0]).toMatchObject({ passed: false, expected: 3, actual: 4, cells: '[]' });
	});
});

describe('figures read back from their lines (copy evidence)', () => {
	it('gives every figure back as written: values, NULLs, empty text, quotes, commas, newlines, units', () => {
		const more: Figure[] = [...figures, { table_code: 'appeals', row_code: 'review', col_code: 'total', value: 7, raw: '', unit: '' }];
		const lines = figureLines('abc', more) + figureLines('def', [figures[0]]);
		expect(parseFigureLines(lines)).toEqual([...more, figures[0]]);
		expect(parseFigureLines('')).toEqual([]);
	});
});

describe('copy evidence from a worker’s encoded lines (the browser’s import)', () => {
	it('cuts the crawler text’s run-together row by the portal page’s cells, as the CLI does', async () => {
		const rows = await Promise.all(
			['pingtan-2023.page.html', 'pingtan-2023.page.txt'].map(async (name) => {
				const r = toReportRows(await parseReport(name, readFileSync(`tests/fixtures/real/${name}`)));
				expect(r.status).toBe('ok');
				return encodeReportRows(r as ReportRows);
			})
		);
		const cut = cutByCopies(rows.map(copyEvidenceOf));
		const text = cut.get(rows[1].report.report_id);
		expect(text?.warnings.map((w) => w.code)).toEqual(['cut_by_copy']);
		expect(text?.figures.map((f) => f.raw.trim()).join('')).toBe('77132470');
		expect(cut.has(rows[0].report.report_id)).toBe(false);
	});
});

describe('shared cell lists as references', async () => {
	// Two reports checked on the same identity: one array of cells, as identities.ts shares it.
	const shared = ['requests.new.total', 'requests.carried_in.total', 'requests.total.total'];
	const check = (id: string): CheckResult => ({ ...checks[0], cells: shared, message: id });
	const refs = new CellListRefs();
	const first = checkLines('a1', [check('a1'), checks[1]], refs);
	const lists = refs.take();
	const second = checkLines('a2', [check('a2')], refs);

	it('writes a list as a reference depending on its text alone, and hands its text over once', () => {
		expect(lists).toHaveLength(1);
		expect(JSON.parse(lists[0][1])).toEqual(shared);
		expect(first).toContain(`"${lists[0][0]}"`);
		expect(second).toContain(`"${lists[0][0]}"`);
		expect(refs.take()).toEqual([]);
		// Another thread, another array with the same cells: the same reference, so the same CSV.
		const other = new CellListRefs();
		expect(checkLines('a1', [{ ...check('a1'), cells: [...shared] }, checks[1]], other)).toBe(first);
	});

	it('puts the lists back in the Parquet file', async () => {
		const out = mkdtempSync(path.join(tmpdir(), 'rows-csv-refs-'));
		const writer = new DatasetWriter(out);
		writer.add({ ...report, report_id: 'a1' }, '', first);
		writer.addCellLists(lists);
		writer.add({ ...report, report_id: 'a2' }, '', second);
		await writer.finish({});
		const c = await (await DuckDBInstance.create(':memory:')).connect();
		const rows = (await c.runAndReadAll(`SELECT report_id, cells FROM '${path.join(out, 'checks.parquet')}'`)).getRowObjectsJson();
		expect(rows).toEqual([
			{ report_id: 'a1', cells: JSON.stringify(shared) },
			{ report_id: 'a1', cells: '[]' },
			{ report_id: 'a2', cells: JSON.stringify(shared) }
		]);
	});

	it('refuses a reference with no list, and two lists under one reference', async () => {
		const writer = new DatasetWriter(mkdtempSync(path.join(tmpdir(), 'rows-csv-lost-')));
		writer.add({ ...report, report_id: 'a2' }, '', second);
		await expect(writer.finish({})).rejects.toThrow(/never handed over/);
		const clash = new DatasetWriter(mkdtempSync(path.join(tmpdir(), 'rows-csv-clash-')));
		clash.addCellLists(lists);
		expect(() => clash.addCellLists([[lists[0][0], '["x"]']])).toThrow(/share the reference/);
		await clash.abort();
	});
});

describe('figures written while the run’s last checks are made', () => {
	it('takes no figures once begun, and a run stopped then leaves nothing behind', async () => {
		const out = mkdtempSync(path.join(tmpdir(), 'rows-csv-early-'));
		const writer = new DatasetWriter(out);
		writer.add(report, figureLines('abc', figures), checkLines('abc', checks));
		writer.finishFigures();
		expect(() => writer.addFigures(figureLines('abc', figures))).toThrow(/after their Parquet file was begun/);
		await writer.abort();
		expect(existsSync(writer.tmp)).toBe(false);
	});

	it('hands the figures to DuckDB at once when it is loaded: they are written while this thread stays busy', async () => {
		const writer = new DatasetWriter(mkdtempSync(path.join(tmpdir(), 'rows-csv-busy-')));
		writer.add(report, figureLines('abc', figures), checkLines('abc', checks));
		await writer.preload();
		writer.finishFigures();
		// As with the run's last checks: this thread never yields; a write still to be started would wait for it.
		const parquet = path.join(writer.tmp, 'figures.parquet');
		const until = Date.now() + 5000;
		while (!existsSync(parquet) && Date.now() < until);
		expect(existsSync(parquet)).toBe(true);
		expect(await writer.finish({})).toMatchObject({ figures: figures.length });
	});

	it('has the figures in the dataset when the checks come after them', async () => {
		const out = mkdtempSync(path.join(tmpdir(), 'rows-csv-late-checks-'));
		const writer = new DatasetWriter(out);
		writer.add(report, figureLines('abc', figures), '');
		writer.finishFigures();
		writer.addChecks(checkLines('abc', checks));
		const counts = await writer.finish({});
		expect(counts).toMatchObject({ reports: 1, figures: figures.length, checks: checks.length });
	});
});
