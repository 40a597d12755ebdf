/**
 * The overview's cube (cube.json) against DuckDB: for every measure of yearlyQuery and a grid
 * of filters, the cube's answer equals the engine's, NULL for NULL.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../generator/cli';
import { runIngest } from '../../ingest/pipeline';
import { reportValuesSql } from '../../src/lib/sql/derived';
import { yearlyQuery, type Filters } from '../../src/lib/sql/queries';
import { MEASURES } from '../../src/lib/schema/measures';
import { measureValue } from '../../src/lib/data/measure-values';
import { choicesOf, type FilterChoices } from '../../src/lib/sql/cube';
import { CUBE_COLUMNS, CUBE_KEYS, cubeAnswers, cubeOfRows, cubeRowsSql, isCube, yearlyFromCube, type Cube } from '../../src/lib/sql/cube';

const NONE: Filters = { province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null };
let conn: DuckDBConnection;
let cube: Cube;
let summaryChoices: FilterChoices;

beforeAll(async () => {
	const root = mkdtempSync(path.join(tmpdir(), 'cube-'));
	// A small generated corpus: several counties, kinds, years and both formats, with blank cells.
	await writeCorpus(path.join(root, 'docs'), 7, { agencies: 12 });
	await runIngest([path.join(root, 'docs'), 'tests/fixtures/real'], { out: path.join(root, 'out'), threads: 1 });
	cube = JSON.parse(readFileSync(path.join(root, 'out', 'cube.json'), 'utf8'));
	expect(isCube(cube)).toBe(true);
	summaryChoices = JSON.parse(readFileSync(path.join(root, 'out', 'summary.json'), 'utf8')).choices;
	const db = await DuckDBInstance.create(':memory:');
	conn = await db.connect();
	for (const t of ['reports', 'figures', 'checks']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${path.join(root, 'out', t + '.parquet')}'`);
	await conn.run(reportValuesSql());
}, 120_000);

async function engine(f: Filters) {
	const q = yearlyQuery(f);
	const rows = (await conn.runAndReadAll(q.sql, q.params as never)).getRowObjectsJson();
	return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)])));
}

const close = (rows: Record<string, number | null>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Math.round(v * 1e6) / 1e6])));

describe('the overview cube', () => {
	it('the summary offers the filters the cube holds: its regions and years', async () => {
		expect(summaryChoices).toEqual(choicesOf(cube));
		const engine = (await conn.runAndReadAll('SELECT DISTINCT year FROM report_values ORDER BY year')).getRows().map((r) => Number(r[0]));
		expect(summaryChoices.years).toEqual(engine);
		const counties = (await conn.runAndReadAll('SELECT count(DISTINCT county)::INTEGER FROM report_values')).getRows()[0][0];
		expect(new Set(summaryChoices.regions.map((r) => r.county).filter(Boolean)).size).toBe(counties);
	});

	it('answers every filter but a name search', () => {
		expect(cubeAnswers(cube, NONE)).toBe(true);
		expect(cubeAnswers(cube, { ...NONE, county: 'x', kind: 'y', from: 2020 })).toBe(true);
		expect(cubeAnswers(cube, { ...NONE, q: '教育' })).toBe(false);
		// A province cube (national datasets) leaves cities and counties to the engine.
		const provinces: Cube = { ...cube, keys: ['province', 'agency_kind', 'year', 'format'] };
		expect(cubeAnswers(provinces, { ...NONE, province: 'x', kind: 'y', format: '2021' })).toBe(true);
		expect(cubeAnswers(provinces, { ...NONE, county: 'x' })).toBe(false);
		expect(cubeAnswers(provinces, { ...NONE, city: 'x' })).toBe(false);
	});

	it('equals DuckDB for every measure over a grid of filters', async () => {
		const at = (k: string) => cube.keys.indexOf(k);
		const values = (k: string) => [...new Set(cube.rows.map((r) => r[at(k)]).filter((v): v is string => typeof v === 'string'))];
		const grid: Filters[] = [
			NONE,
			...values('province').map((province) => ({ ...NONE, province })),
			...values('city').map((city) => ({ ...NONE, city })),
			...values('county').map((county) => ({ ...NONE, county })),
			...values('agency_kind').map((kind) => ({ ...NONE, kind })),
			{ ...NONE, format: '2019' },
			{ ...NONE, format: '2021' },
			{ ...NONE, from: 2021 },
			{ ...NONE, to: 2020 },
			{ ...NONE, from: 2020, to: 2022, kind: values('agency_kind')[0] },
			{ ...NONE, county: values('county')[0], kind: values('agency_kind')[1] ?? null, format: '2021' },
			{ ...NONE, county: '没有这个区' }
		];
		expect(grid.length).toBeGreaterThan(12);
		let compared = 0;
		for (const f of grid) {
			const want = close(await engine(f));
			const got = yearlyFromCube(cube, f);
			expect(close(got), JSON.stringify(f)).toEqual(want);
			// Every measure the overview shows is computed from these rows: the same rows, the same measures.
			got.forEach((row, i) => MEASURES.forEach((m) => expect(measureValue(m, row)).toEqual(measureValue(m, want[i]))));
			compared += want.length;
		}
		expect(compared).toBeGreaterThan(30);
	});
});

describe('the national cube (by province)', () => {
	it('equals DuckDB over the province rollup for every province, kind and format', async () => {
		const { writeNational } = await import('../../generator/national');
		const out = mkdtempSync(path.join(tmpdir(), 'cube-national-'));
		await writeNational({ seed: 4, out, provinces: ['11', '41'], countiesPerProvince: 2 });
		const national: Cube = JSON.parse(readFileSync(path.join(out, 'cube.json'), 'utf8'));
		expect(national.keys).toEqual(['province', 'agency_kind', 'year', 'format']);
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		await db.run(`CREATE VIEW report_values AS SELECT * FROM '${path.join(out, 'rollups/province.parquet')}'`);
		const at = (k: string) => national.keys.indexOf(k);
		const values = (k: string) => [...new Set(national.rows.map((r) => r[at(k)]).filter((v): v is string => typeof v === 'string'))];
		const grid: Filters[] = [
			NONE,
			...values('province').map((province) => ({ ...NONE, province })),
			...values('agency_kind').map((kind) => ({ ...NONE, kind, province: values('province')[1] })),
			{ ...NONE, format: '2021', from: 2021 }
		];
		for (const f of grid) {
			expect(cubeAnswers(national, f)).toBe(true);
			const q = yearlyQuery(f);
			const want = (await db.runAndReadAll(q.sql, q.params as never))
				.getRowObjectsJson()
				.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)])));
			expect(close(yearlyFromCube(national, f)), JSON.stringify(f)).toEqual(close(want));
		}
	});
});

describe('the cube with its sums as JSON text made by the engine', () => {
	it('reads back every number exactly and every key as written, sorted by the keys', async () => {
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		const sums = CUBE_COLUMNS.map((col, i) => `${i === 0 ? 'n' : 'x'} AS ${col}`).join(', ');
		await c.run(
			`CREATE TABLE report_values AS SELECT province, city, county, agency_kind, year, format, ${sums} FROM (VALUES
				('江苏省', '淮安市', '洪泽区', 'government', 2024, '2021', 1::HUGEINT, 0.1::DOUBLE + 0.2::DOUBLE),
				('江苏省', '淮安市', '洪泽区', 'government', 2024, '2021', 2::HUGEINT, 1e21::DOUBLE),
				('福建省', NULL, NULL, 'department', 2019, '2019', 3::HUGEINT, NULL::DOUBLE),
				('"引号"省', 'a,b', NULL, 'other', 2020, '2019', 4::HUGEINT, -12.5::DOUBLE)
			) t(province, city, county, agency_kind, year, format, n, x)`
		);
		const cube = cubeOfRows(CUBE_KEYS, (await c.runAndReadAll(cubeRowsSql(CUBE_KEYS))).getRowObjectsJson());
		const rest = (v: number | null) => CUBE_COLUMNS.slice(1).map(() => v);
		expect(cube.rows).toEqual([
			['"引号"省', 'a,b', null, 'other', 2020, '2019', 4, ...rest(-12.5)],
			['江苏省', '淮安市', '洪泽区', 'government', 2024, '2021', 3, ...rest(0.1 + 0.2 + 1e21)],
			['福建省', null, null, 'department', 2019, '2019', 3, ...rest(null)]
		]);
		expect(cubeOfRows(CUBE_KEYS, []).rows).toEqual([]);
	});
});
