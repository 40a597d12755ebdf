/**
 * Write the dataset with DuckDB's Node API: Parquet files first into a temporary folder beside
 * the output, then renamed into place, so a failed run never leaves half a dataset.
 */
import { DuckDBInstance, DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult } from '../src/lib/schema/identities';
import { DATASET_TABLE_NAMES, SCHEMA_VERSION, ddl } from '../src/lib/schema/dataset';
import type { Figure } from './extract';
import type { ReportRow } from './report-row';

export type { ReportRow };
import { reportValuesSql } from '../src/lib/data/derived';
import { yearlyQuery } from '../src/lib/data/queries';

export interface DatasetInput {
	reports: ReportRow[];
	figures: Map<string, Figure[]>;
	checks: Map<string, CheckResult[]>;
	ingestReport: unknown;
}

const ORDER = { reports: 'division_code NULLS LAST, agency, year, report_id' };

/** Code-point order, the same as DuckDB's ORDER BY on VARCHAR (no locale). */
function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function str(a: DuckDBAppender, v: string | null | undefined) {
	if (v === null || v === undefined) a.appendNull();
	else a.appendVarchar(v);
}

export async function writeDataset(outDir: string, input: DatasetInput): Promise<Record<string, number>> {
	await mkdir(outDir, { recursive: true });
	const tmp = path.join(outDir, `.dataset-tmp-${process.pid}-${Date.now()}`);
	await mkdir(tmp, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const name of DATASET_TABLE_NAMES) await conn.run(`CREATE TABLE ${name} (${ddl(name)})`);
		const ra = await conn.createAppender('reports');
		for (const r of input.reports) {
			str(ra, r.report_id); str(ra, r.agency); str(ra, r.agency_kind); ra.appendInteger(r.year); str(ra, r.format);
			if (r.published) {
				const [y, m, d] = r.published.split('-').map(Number);
				ra.appendDate(DuckDBDateValue.fromParts({ year: y, month: m, day: d }));
			} else ra.appendNull();
			str(ra, r.province); str(ra, r.city); str(ra, r.county); str(ra, r.division_code); str(ra, r.origin);
			str(ra, r.source_name); str(ra, r.source_form); str(ra, r.source_encoding); str(ra, r.source_sha256); ra.appendInteger(r.warnings);
			ra.endRow();
		}
		ra.closeSync();
		// Rows are appended in the files' final order, so COPY needs no ORDER BY over ~10^6 rows.
		const ids = [...input.figures.keys()].sort();
		const byCell = (a: Figure, b: Figure) => cmp(a.table_code, b.table_code) || cmp(a.row_code, b.row_code) || cmp(a.col_code, b.col_code);
		const fa = await conn.createAppender('figures');
		for (const id of ids) {
			for (const f of [...input.figures.get(id)!].sort(byCell)) {
				str(fa, id); str(fa, f.table_code); str(fa, f.row_code); str(fa, f.col_code); num(fa, f.value); str(fa, f.raw); str(fa, f.unit);
				fa.endRow();
			}
		}
		fa.closeSync();
		const ca = await conn.createAppender('checks');
		for (const id of [...input.checks.keys()].sort()) {
			for (const c of [...input.checks.get(id)!].sort((a, b) => cmp(a.check_code, b.check_code))) {
				str(ca, id); str(ca, c.check_code); str(ca, c.kind); str(ca, c.table_code); str(ca, c.rule);
				if (c.passed === null) ca.appendNull();
				else ca.appendBoolean(c.passed);
				num(ca, c.expected); num(ca, c.actual);
				str(ca, JSON.stringify(c.cells)); str(ca, JSON.stringify(c.blank_cells)); str(ca, JSON.stringify(c.missing_cells)); str(ca, c.message);
				ca.endRow();
			}
		}
		ca.closeSync();
		const counts: Record<string, number> = {};
		for (const name of DATASET_TABLE_NAMES) {
			const file = path.join(tmp, `${name}.parquet`).replace(/'/g, "''");
			const source = name === 'reports' ? `(SELECT * FROM reports ORDER BY ${ORDER.reports})` : name;
			await conn.run(`COPY ${source} TO '${file}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`);
			const res = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${name}`);
			counts[name] = Number(res.getRows()[0][0]);
		}
		// The overview's first chart, drawn before the browser's engine has started.
		await conn.run(reportValuesSql());
		const q = yearlyQuery({ province: null, city: null, county: null, kind: null, q: '', from: null, to: null, format: null });
		const yearly = (await conn.runAndReadAll(q.sql)).getRowObjectsJson();
		await writeFile(path.join(tmp, 'summary.json'), JSON.stringify({ schema_version: SCHEMA_VERSION, yearly: yearly.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v)]))) }) + '\n');
		const manifest = {
			schema_version: SCHEMA_VERSION,
			built_at: new Date().toISOString(),
			files: DATASET_TABLE_NAMES.map((name) => ({ name, path: `${name}.parquet`, rows: counts[name] })),
			summary: 'summary.json',
			origins: countBy(input.reports.map((r) => r.origin))
		};
		await writeFile(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
		await writeFile(path.join(tmp, 'ingest-report.json'), JSON.stringify(input.ingestReport, null, 2) + '\n');
		// Data files first, the manifest last: a reader that finds the new manifest finds the new files.
		for (const name of [...DATASET_TABLE_NAMES.map((n) => `${n}.parquet`), 'summary.json', 'ingest-report.json', 'manifest.json']) {
			await rename(path.join(tmp, name), path.join(outDir, name));
		}
		return counts;
	} finally {
		conn.closeSync();
		instance.closeSync();
		await rm(tmp, { recursive: true, force: true });
	}
}

function num(a: DuckDBAppender, v: number | null | undefined) {
	if (v === null || v === undefined) a.appendNull();
	else a.appendDouble(v);
}

function countBy(xs: string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const x of xs) out[x] = (out[x] ?? 0) + 1;
	return out;
}
