/** The SQL builders against a real DuckDB (Node API) on a tiny dataset made by the ingest. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline';
import { reportValuesSql } from '../../src/lib/sql/derived';
import {
	agenciesQuery,
	agencyReportsQuery,
	appealsFromYearly,
	compareQuery,
	coverageQuery,
	failedByRuleQuery,
	outcomesFromYearly,
	whereClause,
	yearlyQuery,
	type Filters,
	type Query
} from '../../src/lib/sql/queries';
import { measureValue } from '../../src/lib/data/measure-values';
import { MEASURES } from '../../src/lib/schema/measures';
import { cutNote } from '../../src/lib/i18n';

const NONE: Filters = { province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null };
let conn: DuckDBConnection;

async function rows(q: Query) {
	return (await conn.runAndReadAll(q.sql, q.params as never)).getRowObjectsJson() as Record<string, unknown>[];
}

beforeAll(async () => {
	const out = mkdtempSync(path.join(tmpdir(), 'queries-'));
	await runIngest(['tests/fixtures/samples', 'tests/fixtures/html'], { out, threads: 1 });
	const db = await DuckDBInstance.create(':memory:');
	conn = await db.connect();
	for (const t of ['reports', 'figures', 'checks']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${path.join(out, t + '.parquet')}'`);
	await conn.run(reportValuesSql());
});

describe('SQL builders', () => {
	it('a list cut at its limit carries the whole count, and says so', async () => {
		const list = await rows(agenciesQuery(NONE));
		expect(list.length).toBe(2);
		expect(list.every((r) => r.total_rows === 2)).toBe(true);
		expect(cutNote(list, 'zh')).toBe('');
		expect(cutNote([{ total_rows: 1234 }, { total_rows: 1234 }], 'zh')).toBe('显示前 2 个，共 1,234 个');
		expect(cutNote([{ total_rows: 1234 }], 'en')).toBe('Showing the first 1 of 1,234');
	});

	it('binds every value as a parameter', () => {
		const w = whereClause({ ...NONE, county: "x' OR 1=1 --", q: '%_', from: 2020 });
		expect(w.sql).toBe('WHERE county = ? AND contains(agency, ?) AND year >= ?');
		expect(w.params).toEqual(["x' OR 1=1 --", '%_', 2020]);
	});

	it('yearly sums equal the figures', async () => {
		const y = await rows(yearlyQuery(NONE));
		expect(y.map((r) => Number(r.year))).toEqual([2020, 2022]);
		const jinshui = y.find((r) => Number(r.year) === 2022)!;
		expect(Number(jinshui.new)).toBe(16);
		expect(Number(jinshui.handled)).toBe(16);
		expect(Number(jinshui.unable)).toBe(4);
		expect(Number(jinshui.other)).toBe(0); // 2021 format: the three other rows
		expect(Number(jinshui.review_total)).toBe(2);
		expect(
			measureValue(
				MEASURES.find((m) => m.code === 'disclosure_rate')!,
				jinshui
			).value
		).toBeCloseTo(11 / 16);
	});

	it('filters by region, kind, text and years', async () => {
		expect(await rows(yearlyQuery({ ...NONE, county: '管城回族区' }))).toHaveLength(1);
		expect(await rows(yearlyQuery({ ...NONE, kind: 'market_regulation' }))).toHaveLength(1);
		expect(await rows(yearlyQuery({ ...NONE, q: '人民防空' }))).toHaveLength(1);
		expect(await rows(yearlyQuery({ ...NONE, from: 2021, to: 2030 }))).toHaveLength(1);
		expect(await rows(yearlyQuery({ ...NONE, q: "'; DROP TABLE reports; --" }))).toHaveLength(0);
		expect(await rows({ sql: 'SELECT count(*) AS n FROM reports', params: [], reads: ['reports'] })).toEqual([{ n: '2' }]);
	});

	it('outcomes and appeals add up', async () => {
		const o = outcomesFromYearly(await rows(yearlyQuery({ ...NONE, county: '金水区' })));
		expect(o.reduce((s, r) => s + r.value, 0)).toBe(15); // 16 printed, one blank cell
		const a = appealsFromYearly(await rows(yearlyQuery(NONE)));
		expect(Number(a.find((r) => r.row_code === 'review' && r.col_code === 'total')?.value)).toBe(2);
	});

	it('compares a measure per group and year', async () => {
		const c = await rows(compareQuery(NONE, 'county', [], 'disclosure_rate'));
		expect(c.map((r) => r.key).sort()).toEqual(['管城回族区', '金水区']);
		expect(Number(c.find((r) => r.key === '金水区')!.value)).toBeCloseTo(11 / 16);
		expect(c.find((r) => r.key === '管城回族区')!.value).toBeNull(); // 0 applications: no rate
		const k = await rows(compareQuery(NONE, 'kind', ['civil_air_defence'], 'new'));
		expect(k).toHaveLength(1);
	});

	it('agency, coverage and quality queries', async () => {
		expect(await rows(agencyReportsQuery('410104|管城回族区人民防空办公室'))).toHaveLength(1);
		expect(await rows(coverageQuery(NONE))).toHaveLength(2);
		const rules = await rows(failedByRuleQuery(NONE));
		expect(rules.find((r) => r.rule === 'results')?.failed).toBe(1);
	});
});

describe('queries declare what they read', () => {
	it('every builder lists each table its SQL reads (the loader waits on these, never on the SQL text)', async () => {
		const q = await import('../../src/lib/sql/queries');
		const built = [
			q.yearlyQuery(NONE),
			q.compareQuery(NONE, 'county', [], 'new'),
			q.groupsQuery(NONE, 'agency'),
			q.agenciesQuery(NONE),
			q.agencyReportsQuery('x|y'),
			q.reportFiguresQuery('r'),
			q.reportChecksQuery('r'),
			q.failedByRuleQuery(NONE),
			q.failedChecksQuery(NONE),
			q.textAgreementQuery(NONE),
			q.unreadQuery(NONE),
			q.coverageQuery(NONE),
			q.blankZeroQuery(NONE),
			q.qualityByRegionQuery(NONE),
			q.figuresLongQuery(NONE)
		];
		for (const b of built) {
			const named = new Set([...b.sql.matchAll(/\b(?:FROM|JOIN)\s+(report_values|reports|figures|checks)\b/g)].map((m) => m[1]));
			expect(new Set(b.reads), b.sql.slice(0, 80)).toEqual(named);
		}
	});
});
