/**
 * The carry-over between an agency's years from each report's carried-over cells: a figure, a blank
 * (null) and a cell not printed (undefined) kept apart, as the checks need them.
 */
import { describe, expect, it } from 'vitest';
import { addCarried, carriedFrom, carriedOf, carryOverChecks, carryOverPairs, noneCarried } from '../../src/lib/ingest/checks';
import type { Figure } from '../../src/lib/ingest/extract';
import { APPLICANT_COLUMNS, cellKey } from '../../src/lib/schema/report-format';

const figure = (row: string, col: string, value: number | null): Figure => ({
	table_code: 'requests',
	row_code: row,
	col_code: col,
	value,
	raw: value === null ? '' : String(value),
	unit: null
});
const column = (code: string) => APPLICANT_COLUMNS.findIndex((c) => c.code === code);

describe('carried-over cells', () => {
	const figures = [figure('carried_in', 'natural', 3), figure('carried_in', 'total', null), figure('carried_out', 'total', 5), figure('new', 'total', 40)];

	it('keeps a figure, a blank and a cell not printed apart, and no other row', () => {
		const carried = carriedOf(figures);
		expect(carried.in[column('natural')]).toBe(3);
		expect(carried.in[column('total')]).toBeNull();
		expect(carried.in[column('legal')]).toBeUndefined();
		expect(carried.out[column('total')]).toBe(5);
		expect(carried.out.filter((v) => v !== undefined)).toEqual([5]);
	});

	it('reads the same from a report’s figures as from its cells by key', () => {
		const byKey = new Map(figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
		expect(carriedFrom((k) => byKey.get(k))).toEqual(carriedOf(figures));
	});

	it('adds a figure found later (a row cut by another copy) in its place', () => {
		const carried = noneCarried();
		addCarried(carried, figure('carried_out', 'legal', 2));
		addCarried(carried, figure('granted', 'legal', 9));
		expect(carried.out[column('legal')]).toBe(2);
		expect([...carried.in, ...carried.out].filter((v) => v !== undefined)).toEqual([2]);
	});
});

describe('carry-over checks', () => {
	const report = (id: string, year: number, figures: Figure[]) => ({ report_id: id, agencyKey: '350128|某局', year, carried: carriedOf(figures) });

	it('compares last year’s carried-out cells with this year’s carried-in, on the later report', () => {
		const checks = carryOverChecks([
			report('b', 2023, [figure('carried_in', 'total', 4), figure('carried_in', 'natural', null)]),
			report('a', 2022, [figure('carried_out', 'total', 5), figure('carried_out', 'natural', 0)])
		]);
		expect([...checks.keys()]).toEqual(['b']);
		const byCode = new Map(checks.get('b')!.map((c) => [c.check_code, c]));
		expect(byCode.get('carry_over.total')).toMatchObject({ passed: false, expected: 5, actual: 4 });
		// A blank counts as 0 and is named; a cell printed in neither report cannot be checked.
		expect(byCode.get('carry_over.natural')).toMatchObject({ passed: true, blank_cells: ['requests.carried_in.natural'] });
		expect(byCode.get('carry_over.legal')).toMatchObject({ passed: null, missing_cells: ['2022:requests.carried_out.legal', 'requests.carried_in.legal'] });
	});

	it('of two reports for one year, takes the one with the lower id; report by report as the map lists them', () => {
		const reports = [
			report('f0', 2022, [figure('carried_out', 'total', 5)]),
			report('0a', 2022, [figure('carried_out', 'total', 7)]),
			report('e1', 2023, [figure('carried_in', 'total', 7)]),
			{ ...report('b2', 2024, [figure('carried_in', 'total', 1)]), agencyKey: '350128|另一局' },
			{ ...report('a3', 2023, [figure('carried_out', 'total', 1)]), agencyKey: '350128|另一局' }
		];
		const checks = carryOverChecks(reports);
		expect(checks.get('e1')!.find((c) => c.check_code === 'carry_over.total')).toMatchObject({ passed: true, expected: 7 });
		expect([...carryOverPairs(reports)]).toEqual([...checks]);
		expect([...checks.keys()]).toEqual(['e1', 'b2']);
	});

	it('pairs only consecutive years of one agency', () => {
		const other = { ...report('c', 2023, [figure('carried_in', 'total', 5)]), agencyKey: '350128|另一局' };
		const checks = carryOverChecks([report('a', 2021, [figure('carried_out', 'total', 5)]), report('b', 2023, [figure('carried_in', 'total', 5)]), other]);
		expect(checks.size).toBe(0);
	});
});
