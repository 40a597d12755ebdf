/**
 * One input file to one report (or a rejection with a reason a person can act on), and a whole
 * run: inputs → reports, figures, checks → dataset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { addCarried, carryOverPairs, extractionChecks, type YearReport } from '../src/lib/ingest/checks';
import type { Warning } from '../src/lib/ingest/extract';
import type { FormatVersion } from '../src/lib/schema/report-format';
import { DatasetWriter } from './dataset';
import { phaseTimer } from './timing';
import { overridesFromSidecar, type Overrides } from '../src/lib/ingest/overrides';
import type { Reading } from '../src/lib/ingest/parse';
import { harmonizeRegions } from '../src/lib/ingest/agency-regions';
import type { ReportRow } from '../src/lib/ingest/report-row';
import { CellListRefs, checkLines, figureLines, parseFigureLines, toReportRows } from '../src/lib/ingest/rows-csv';
import { copyEvidence, cutByCopies, type CopyEvidence } from '../src/lib/ingest/copies';

import { defaultThreads, parseAll, type ParseJob } from './parse-pool';

// A folder's own notes (README, provenance, a list of its files) are not reports.
const SKIP_FILE = /(^\.|\.meta\.json$|\.(parquet|json|png|jpe?g|gif|css|js|zip|gz|tsv|csv)$|^(readme|provenance)(\.\w+)?$)/i;

/** Files under the given paths, recursively, in a stable order. */
export async function listInputs(paths: string[]): Promise<string[]> {
	const out: string[] = [];
	const walkDir = async (dir: string) => {
		// Directory entries carry their type: no stat per file.
		const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const e of entries) {
			if (e.name.startsWith('.')) continue;
			const p = path.join(dir, e.name);
			if (e.isDirectory()) await walkDir(p);
			else if (e.isFile() && !SKIP_FILE.test(e.name)) out.push(p);
			else if (e.isSymbolicLink()) {
				const s = await stat(p).catch(() => null);
				if (s?.isDirectory()) await walkDir(p);
				else if (s?.isFile() && !SKIP_FILE.test(e.name)) out.push(p);
			}
		}
	};
	for (const p of paths) {
		if ((await stat(p)).isDirectory()) await walkDir(p);
		else out.push(p);
	}
	return out;
}

/** Only the keys that have a value: an absent sidecar field must not erase a flag. */
function defined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sidecar(file: string): Overrides {
	const metaFile = `${file}.meta.json`;
	return existsSync(metaFile) ? overridesFromSidecar(readFileSync(metaFile, 'utf8')) : {};
}

export interface InputStatus {
	file: string;
	status: 'ok' | 'rejected';
	reason?: string;
	report_id?: string;
	agency?: string;
	year?: number;
	format?: string;
	failed_checks?: number;
	duplicate_of?: string;
	/** The region the report resolved to, once the whole run is read (see agency-regions.ts). */
	division_code?: string | null;
	/** How the file was read: reader, layout, format, where agency, year and date came from, rows placed by order. */
	reading?: Reading;
	warnings: Warning[];
}

export interface RunOptions {
	out: string;
	region?: string;
	/** Agency, year and publication date for every input (a single-report run); a sidecar beside a file wins. */
	overrides?: Pick<Overrides, 'agency' | 'year' | 'published'>;
	onProgress?: (done: number, total: number, file: string) => void;
	/** Worker threads for parsing; 1 parses in this thread (default: one per core). */
	threads?: number;
}

export interface RunSummary {
	inputs: number;
	ingested: number;
	duplicates: number;
	rejected: number;
	withFailedChecks: number;
	counts: Record<string, number> | null;
	statuses: InputStatus[];
}

export async function runIngest(paths: string[], opts: RunOptions): Promise<RunSummary> {
	const timing = phaseTimer();
	const files = await listInputs(paths);
	timing('listed');
	const statuses: InputStatus[] = [];
	// Kept per report: what the carry-over check needs; the long tables go to disk.
	const reports = new Map<string, YearReport>();
	const rows = new Map<string, ReportRow>();
	const copies: CopyEvidence[] = [];
	const firstFile = new Map<string, string>();
	const failedBy = new Map<string, number>();
	const writer = new DatasetWriter(opts.out);
	try {
		let done = 0;
		// Cell lists as references when this thread parses too: the same CSV, and Parquet bytes, as the workers'.
		const inProcessRefs = new CellListRefs();
		const jobs: ParseJob[] = [];
		for (const file of files) jobs.push({ file, overrides: { ...defined({ region: opts.region, ...opts.overrides }), ...defined(sidecar(file)) } });
		await parseAll(
			jobs,
			opts.threads ?? defaultThreads(),
			(index, result) => {
				const file = files[index];
				if (result.status === 'rejected') statuses.push({ file, status: 'rejected', reason: result.reason, warnings: [] });
				else {
					const id = result.report.report_id;
					const dup = firstFile.get(id);
					if (!dup) {
						reports.set(id, { report_id: id, agencyKey: '', year: result.report.year, carried: result.carried });
						rows.set(id, result.report);
						failedBy.set(id, result.failedChecks);
						firstFile.set(id, file);
						const lines = writer.add(result.report, result.figuresCsv, result.checksCsv);
						// Its figures as written, read back only if another copy of the report is in the run.
						copies.push(copyEvidence(result.report, result.refused, () => parseFigureLines(writer.figuresAt(lines))));
					}
					// A duplicate's lists too: its thread hands each list over once, and later reports refer to it.
					if (result.cellLists) writer.addCellLists(result.cellLists);
					statuses.push({
						file,
						status: 'ok',
						report_id: id,
						agency: result.report.agency,
						year: result.report.year,
						format: result.report.format,
						duplicate_of: dup,
						reading: result.reading,
						warnings: dup
							? [{ code: 'duplicate', message: `与 ${dup} 内容完全相同，只计一份报告` }]
							: result.warnings.map(({ code, message, table, rows }) => ({ code, message, table, rows }))
					});
				}
				// The workers are running: DuckDB loads beside them (see DatasetWriter.preload).
				if (++done === 1) void writer.preload();
				opts.onProgress?.(done, files.length, file);
			},
			// One thread: the parser is loaded only then (the workers load their own).
			async (job) => toReportRows(await (await import('./parse-file')).parseFile(job.file, job.overrides), inProcessRefs)
		);
		timing('parsed');
		// Warnings found once every file is read: on the report row (its count) and its input's status.
		const statusOf = new Map(statuses.filter((s) => s.report_id && !s.duplicate_of).map((s) => [s.report_id!, s]));
		const warnLater = (id: string, extra: InputStatus['warnings']) => {
			rows.get(id)!.warnings += extra.length;
			statusOf.get(id)?.warnings.push(...extra);
		};
		// A row one copy could not cut, cut by another copy of the same report.
		for (const [id, { figures, warnings }] of cutByCopies(copies)) {
			writer.addFigures(figureLines(id, figures));
			for (const f of figures) addCarried(reports.get(id)!.carried, f);
			warnLater(id, warnings);
		}
		copies.length = 0;
		// No figures come after this point: DuckDB writes them while the checks below run.
		writer.finishFigures();
		// One agency, one region: then the carry-over pairs an agency's years within it.
		for (const [id, extra] of harmonizeRegions([...rows.values()])) warnLater(id, extra);
		for (const [id, s] of statusOf) s.division_code = rows.get(id)!.division_code;
		// What could not be read, as failed checks: once every step that may recover cells has run.
		for (const [id, s] of statusOf) {
			const unread = extractionChecks(rows.get(id)!.format as FormatVersion, s.warnings);
			if (!unread.length) continue;
			writer.addChecks(checkLines(id, unread));
		}
		for (const [id, r] of reports) r.agencyKey = `${rows.get(id)!.division_code ?? ''}|${rows.get(id)!.agency}`;
		// Written as they are made, ~64 K characters a write (a write for each report took ~20 ms in all).
		let carryCsv = '';
		for (const [id, cs] of carryOverPairs([...reports.values()])) {
			carryCsv += checkLines(id, cs);
			if (carryCsv.length >= 65_536) {
				writer.addChecks(carryCsv);
				carryCsv = '';
			}
			failedBy.set(id, (failedBy.get(id) ?? 0) + cs.filter((c) => c.passed === false).length);
		}
		writer.addChecks(carryCsv);
		for (const s of statuses) if (s.report_id) s.failed_checks = failedBy.get(s.report_id) ?? 0;

		const summary: RunSummary = {
			inputs: files.length,
			ingested: reports.size,
			duplicates: statuses.filter((s) => s.duplicate_of).length,
			rejected: statuses.filter((s) => s.status === 'rejected').length,
			withFailedChecks: [...failedBy.values()].filter((n) => n > 0).length,
			counts: null,
			statuses
		};
		if (reports.size > 0) {
			const ingestReport = {
				inputs: summary.inputs,
				ingested: summary.ingested,
				duplicates: summary.duplicates,
				rejected: summary.rejected,
				with_failed_checks: summary.withFailedChecks,
				files: statuses.map((s) => ({ ...s, file: path.relative(process.cwd(), s.file) || s.file }))
			};
			timing('checked');
			summary.counts = await writer.finish(ingestReport);
			timing('written');
		}
		return summary;
	} finally {
		await writer.abort();
	}
}
