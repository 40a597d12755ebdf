/**
 * Write the dataset with DuckDB's Node API. Reports arrive one by one: their figures and checks
 * are streamed as CSV into a temporary folder beside the output, loaded by DuckDB's CSV reader and
 * written as Parquet there, then renamed into place, so a failed run never leaves half a dataset.
 */
import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DATASET_TABLE_NAMES, SCHEMA_VERSION, type FlatManifest } from '../src/lib/schema/dataset';
import type { ReportRow } from '../src/lib/ingest/report-row';
import { checksWithCellListsSql, readCsvSql, reportLine } from '../src/lib/ingest/rows-csv';
import { reportValuesSql } from '../src/lib/sql/derived';
import { writeSummary } from './summary';
import { phaseTimer } from './timing';
import { CUBE_KEYS } from '../src/lib/sql/cube';

export type { ReportRow };

/**
 * Row order: reports by region, agency and year; figures and checks in input order, in which the
 * pipeline adds reports whichever worker parsed them, so the same inputs give the same bytes
 * without sorting millions of rows.
 */
const REPORTS_ORDER = 'division_code NULLS LAST, agency, year, report_id';

/**
 * Rows per Parquet row group. DuckDB writes row groups on both cores at once: a run's checks
 * (~120,000 rows for 2,400 reports) in groups of 100,000 made one long group and one short, and
 * took ~20 ms longer than in groups of 32,768 (the size the national layout uses too).
 */
const ROW_GROUP = { reports: 100_000, figures: 65_536, checks: 32_768 } as const;
const parquetOptions = (table: keyof typeof ROW_GROUP) => `FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROW_GROUP[table]}`;

export class DatasetWriter {
	readonly tmp: string;
	private reports: ReportRow[] = [];
	private figuresFd: number;
	private checksFd: number;
	private figuresBytes = 0;
	private cellLists = new Map<string, string>();
	/** DuckDB, once loaded (preload); closed by abort, which finish ends with. */
	private instance?: Promise<DuckDBInstance>;
	/** The connection the figures' write will use, once open (preload). */
	private figuresConnection?: DuckDBConnection;
	/** The figures' Parquet write, once begun (finishFigures). */
	private figuresWritten?: Promise<void>;

	constructor(readonly outDir: string) {
		mkdirSync(outDir, { recursive: true });
		this.tmp = path.join(outDir, `.dataset-tmp-${process.pid}-${Date.now()}`);
		mkdirSync(this.tmp, { recursive: true });
		this.figuresFd = openSync(path.join(this.tmp, 'figures.csv'), 'w');
		this.checksFd = openSync(path.join(this.tmp, 'checks.csv'), 'w');
	}

	/** One report with its figures and checks as CSV lines (see rows-csv.ts); where its figures' lines are in their file. */
	add(report: ReportRow, figuresCsv: string | Uint8Array, checksCsv: string | Uint8Array): ByteRange {
		this.reports.push(report);
		const start = this.figuresBytes;
		this.figuresBytes += write(this.figuresFd, figuresCsv);
		write(this.checksFd, checksCsv);
		return { start, end: this.figuresBytes };
	}

	/** Figures' CSV lines written earlier (a report's, for its copy evidence), as text. */
	figuresAt({ start, end }: ByteRange): string {
		const bytes = Buffer.alloc(end - start);
		const fd = openSync(path.join(this.tmp, 'figures.csv'), 'r');
		try {
			for (let at = 0; at < bytes.length;) {
				const n = readSync(fd, bytes, at, bytes.length - at, start + at);
				if (n === 0) throw new Error('figures.csv ends before a report’s lines');
				at += n;
			}
		} finally {
			closeSync(fd);
		}
		return bytes.toString('utf8');
	}

	/** Shared cell lists the checks' CSV refers to (CellListRefs in rows-csv.ts). */
	addCellLists(lists: [string, string][]) {
		for (const [ref, list] of lists) {
			const known = this.cellLists.get(ref);
			if (known !== undefined && known !== list) throw new Error(`checks: two cell lists share the reference ${ref}: ${known} and ${list}`);
			this.cellLists.set(ref, list);
		}
	}

	/** Figures found after the reports were added (cut by another copy of the same report). */
	addFigures(figuresCsv: string) {
		if (this.figuresFd < 0) throw new Error('figures: added after their Parquet file was begun');
		this.figuresBytes += write(this.figuresFd, figuresCsv);
	}

	/** Checks found after the reports were added (the carry-over between years). */
	addChecks(checksCsv: string) {
		writeSync(this.checksFd, checksCsv);
	}

	/**
	 * Load DuckDB before the write needs it (~55 ms: its native module and an instance). The
	 * pipeline asks once the parse workers have started: at the run's start it slowed their start
	 * more than it saved; after the parse, it is 55 ms more of a step that waits for it.
	 */
	preload(): Promise<DuckDBInstance> {
		this.instance ??= (async () => {
			// Required, not imported: importing a CommonJS package from ESM lexes every file of it for
			// its exports first (~45 ms).
			const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
			const instance = await duckdb.DuckDBInstance.create(':memory:');
			this.figuresConnection = await instance.connect();
			return instance;
		})();
		// A failure is reported by finish, which awaits the same promise.
		this.instance.catch(() => {});
		return this.instance;
	}

	/**
	 * No figures come after this: DuckDB writes their Parquet file on its own threads while this
	 * thread runs the run's last checks (one core would idle through them). `finish` waits for it.
	 * The query is handed to DuckDB here, on a connection opened beforehand: one still to be opened
	 * would wait for this thread to finish those checks (~75 ms), which it keeps busy.
	 */
	finishFigures() {
		if (this.figuresWritten) return;
		closeSync(this.figuresFd);
		this.figuresFd = -1;
		// preload opens the connection before it resolves.
		this.figuresWritten = this.figuresConnection ? this.writeFigures() : this.preload().then(() => this.writeFigures());
		// Awaited by finish (or abort): a failure must not surface first as an unhandled rejection.
		this.figuresWritten.catch(() => {});
	}

	/** The figures' COPY on the connection preload opened, handed to DuckDB before this returns its promise. */
	private async writeFigures(): Promise<void> {
		const conn = this.figuresConnection!;
		this.figuresConnection = undefined;
		try {
			await conn.run(`COPY (SELECT * FROM ${readCsvSql('figures', path.join(this.tmp, 'figures.csv'))}) TO '${this.parquet('figures')}' (${parquetOptions('figures')})`);
		} finally {
			conn.closeSync();
		}
	}

	private parquet(name: string): string {
		return path.join(this.tmp, `${name}.parquet`).replace(/'/g, "''");
	}

	/** Write the Parquet files, summary and manifest and move them into place. */
	async finish(ingestReport: unknown): Promise<Record<string, number>> {
		this.finishFigures();
		this.closeFiles();
		const mark = phaseTimer('  ');
		const conn = await (await this.preload()).connect();
		try {
			// The reports as CSV too (rows-csv.ts, as the browser's import loads them): one bulk read, not ~40,000 native calls.
			const reportsCsv = path.join(this.tmp, 'reports.csv');
			await writeFile(reportsCsv, this.reports.map(reportLine).join(''));
			await conn.run(`CREATE TABLE reports AS SELECT * FROM ${readCsvSql('reports', reportsCsv)}`);
			mark('reports loaded');
			await conn.run(`COPY (SELECT * FROM reports ORDER BY ${REPORTS_ORDER}) TO '${this.parquet('reports')}' (${parquetOptions('reports')})`);
			await this.figuresWritten;
			mark('figures written');
			await conn.run(`COPY (${checksWithCellListsSql(path.join(this.tmp, 'checks.csv'), this.cellLists)}) TO '${this.parquet('checks')}' (${parquetOptions('checks')})`);
			mark('checks written');
			for (const name of ['figures', 'checks']) await conn.run(`CREATE VIEW ${name} AS SELECT * FROM '${this.parquet(name)}'`);
			const counts: Record<string, number> = {};
			for (const name of DATASET_TABLE_NAMES) {
				const res = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${name}`);
				counts[name] = Number(res.getRows()[0][0]);
			}
			mark('counted');
			// A cell list referred to that no thread handed over would be NULL: refuse such a dataset.
			const lost = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM checks WHERE cells IS NULL`);
			if (Number(lost.getRows()[0][0]) > 0) throw new Error('checks: a shared cell list was referred to but never handed over (ingest bug)');
			// The overview's first chart, drawn before the browser's engine has started.
			await conn.run(reportValuesSql());
			mark('report_values');
			const summaries = await writeSummary(conn, this.tmp, SCHEMA_VERSION, CUBE_KEYS);
			mark('summary and cube');
			const manifest: FlatManifest = {
				schema_version: SCHEMA_VERSION,
				built_at: new Date().toISOString(),
				files: DATASET_TABLE_NAMES.map((name) => ({ name, path: `${name}.parquet`, rows: counts[name] })),
				summary: 'summary.json',
				origins: countBy(this.reports.map((r) => r.origin))
			};
			await writeFile(path.join(this.tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
			await writeFile(path.join(this.tmp, 'ingest-report.json'), JSON.stringify(ingestReport, null, 2) + '\n');
			// Data files first, the manifest last: a reader that finds the new manifest finds the new files.
			for (const name of [...DATASET_TABLE_NAMES.map((n) => `${n}.parquet`), ...summaries, 'ingest-report.json', 'manifest.json']) {
				await rename(path.join(this.tmp, name), path.join(this.outDir, name));
			}
			return counts;
		} finally {
			conn.closeSync();
			await this.abort();
		}
	}

	/** Remove the temporary folder (after finishing, or instead of it); close DuckDB if it was loaded. */
	async abort() {
		this.closeFiles();
		// DuckDB may still be writing the figures (into the folder, on its own connection) if a step failed.
		await this.figuresWritten?.catch(() => {});
		const instance = await this.instance?.catch(() => undefined);
		this.instance = undefined;
		// Opened by preload, unused if the run failed before its figures were written.
		this.figuresConnection?.closeSync();
		this.figuresConnection = undefined;
		instance?.closeSync();
		await rm(this.tmp, { recursive: true, force: true });
	}

	private closeFiles() {
		for (const fd of [this.figuresFd, this.checksFd]) if (fd >= 0) closeSync(fd);
		this.figuresFd = this.checksFd = -1;
	}
}

/** Where a report's lines are in a CSV file, in bytes. */
export interface ByteRange {
	start: number;
	end: number;
}

/** CSV text, or its UTF-8 bytes as a parse worker encoded them, written whole; the bytes written. */
function write(fd: number, csv: string | Uint8Array): number {
	const bytes = typeof csv === 'string' ? Buffer.from(csv) : csv;
	for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
	return bytes.length;
}

function countBy(xs: string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const x of xs) out[x] = (out[x] ?? 0) + 1;
	return out;
}
