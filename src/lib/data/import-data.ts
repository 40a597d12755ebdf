/**
 * Reports read in the browser (src/lib/import) join the dataset in DuckDB-WASM, or replace it:
 * the same run-level steps as the CLI — a refused row cut by another copy, one region per agency,
 * carry-over between years across imported and existing reports, what could not be read as
 * checks — then the derived table and the domain are rebuilt.
 */
import type { EncodedReportRows } from '$lib/ingest/rows-csv';
import { addCarried, carryOverChecks, extractionChecks, noneCarried, type YearReport } from '$lib/ingest/checks';
import { cutByCopies } from '$lib/ingest/copies';
import { harmonizeRegions } from '$lib/ingest/agency-regions';
import { DATASET_TABLE_NAMES, ddl, type DatasetTable } from '$lib/schema/dataset';
import type { FormatVersion } from '$lib/schema/report-format';
import { describeFlat, type OpenedDataset } from './app-data';
import { dropFile, init, query, registerBytes, run } from './duckdb';
import { checkLines, copyEvidenceOf, figureLines, readCsvSql, reportLine } from '$lib/ingest/rows-csv';

/** CSV lines (the CLI's own, rows-csv.ts) into a table through DuckDB's built-in CSV reader. */
const utf8 = new TextEncoder();

/** CSV lines into a table: the parts (bytes the workers encoded, or text) joined into one file. */
async function insertCsv(table: DatasetTable, parts: (Uint8Array | string)[]) {
	const bytes = parts.map((p) => (typeof p === 'string' ? utf8.encode(p) : p));
	const size = bytes.reduce((n, b) => n + b.length, 0);
	if (!size) return;
	const csv = new Uint8Array(size);
	let at = 0;
	for (const b of bytes) {
		csv.set(b, at);
		at += b.length;
	}
	const file = `import-${table}-${Date.now()}.csv`;
	await registerBytes(file, csv);
	try {
		await run(`INSERT INTO ${table} SELECT * FROM ${readCsvSql(table, file)}`);
	} finally {
		await dropFile(file);
	}
}

/** Add parsed reports to the dataset in DuckDB (`replace`: instead of what is there). */
export async function addImported(parsed: EncodedReportRows[], mode: 'join' | 'replace'): Promise<OpenedDataset> {
	await init();
	// A dataset that failed to load, or none: the tables start empty.
	for (const t of DATASET_TABLE_NAMES) await run(`CREATE TABLE IF NOT EXISTS ${t} (${ddl(t)})`);
	if (mode === 'replace') await run('DELETE FROM checks; DELETE FROM figures; DELETE FROM reports;');
	const reports = parsed.map((p) => ({ ...p.report }));
	const carried = new Map(parsed.map((p) => [p.report.report_id, { in: [...p.carried.in], out: [...p.carried.out] }]));
	// Lines for figures a copy cut here; the rest were written by the workers (or are written below).
	let cutLines = '';
	const warnings = new Map(parsed.map((p) => [p.report.report_id, [...p.warnings]]));
	// A row one copy could not cut, cut by another copy of the same report.
	const copies = cutByCopies(parsed.map(copyEvidenceOf));
	for (const [id, cut] of copies) {
		for (const f of cut.figures) addCarried(carried.get(id)!, f);
		warnings.get(id)!.push(...cut.warnings);
		cutLines += figureLines(id, cut.figures);
	}
	for (const [id, extra] of harmonizeRegions(reports)) warnings.get(id)!.push(...extra);
	for (const r of reports) r.warnings = warnings.get(r.report_id)!.length;

	const checks: (Uint8Array | string)[] = [];
	for (const p of parsed) {
		const id = p.report.report_id;
		const unread = extractionChecks(p.report.format as FormatVersion, warnings.get(id)!);
		checks.push(p.checksCsv);
		if (unread.length) checks.push(checkLines(id, unread));
	}
	// Carry-over across the imported reports and those already there, for the agencies imported.
	const key = (r: { division_code: string | null; agency: string }) => `${r.division_code ?? ''}|${r.agency}`;
	const touched = new Set(reports.map(key));
	const existing = (await query(
		`SELECT r.report_id, coalesce(r.division_code, '') || '|' || r.agency AS agency_key, r.year, f.row_code, f.col_code, f.value FROM reports r JOIN figures f USING (report_id) WHERE f.table_code = 'requests' AND f.row_code IN ('carried_in', 'carried_out')`
	)).filter((r) => touched.has(String(r.agency_key)));
	const years = new Map<string, YearReport>();
	for (const r of existing) {
		const id = String(r.report_id);
		const y = years.get(id) ?? { report_id: id, agencyKey: String(r.agency_key), year: Number(r.year), carried: noneCarried() };
		addCarried(y.carried, { table_code: 'requests', row_code: String(r.row_code), col_code: String(r.col_code), value: r.value === null ? null : Number(r.value) });
		years.set(id, y);
	}
	for (const r of reports) years.set(r.report_id, { report_id: r.report_id, agencyKey: key(r), year: r.year, carried: carried.get(r.report_id)! });
	const carry = carryOverChecks([...years.values()]);
	const ids = [...carry.keys()];
	if (ids.length) await run(`DELETE FROM checks WHERE kind = 'carry_over' AND report_id IN (${ids.map((i) => `'${i.replace(/'/g, "''")}'`).join(', ')})`);
	for (const [id, cs] of carry) checks.push(checkLines(id, cs));

	await insertCsv('reports', [reports.map(reportLine).join('')]);
	await insertCsv('figures', [...parsed.map((p) => p.figuresCsv), cutLines]);
	await insertCsv('checks', checks);
	return describeFlat();
}

/** Report ids already in the dataset, with their source file, for duplicates. */
export async function knownReports(): Promise<Map<string, string>> {
	const rows = await query('SELECT report_id, source_name FROM reports');
	return new Map(rows.map((r) => [String(r.report_id), String(r.source_name)]));
}

/** Take one report out (to read its document again with what the user filled in). */
export async function removeReport(reportId: string): Promise<void> {
	const id = `'${reportId.replace(/'/g, "''")}'`;
	await run(`DELETE FROM checks WHERE report_id = ${id}; DELETE FROM figures WHERE report_id = ${id}; DELETE FROM reports WHERE report_id = ${id};`);
}
