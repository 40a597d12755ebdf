/**
 * A report's figures and checks as CSV lines (RFC 4180, every text quoted) that DuckDB's
 * read_csv loads in bulk: far cheaper than one native call per value, and a string crosses from
 * a worker thread without building objects. An unquoted empty field is NULL, "" is the empty
 * string, so blank and absent stay apart.
 */
import type { CheckResult } from '../schema/identities';
import { carriedOf, type Carried } from './checks';
import { DATASET_TABLES, columnsOf, type ColumnType } from '../schema/dataset';
import type { Figure, Warning } from './extract';
import type { Parsed, Reading, Rejected } from './parse';
import { copyEvidence, type CopyEvidence, type RefusedRun } from './copies';
import type { ReportRow } from './report-row';

function text(v: string | null | undefined): string {
	if (v === null || v === undefined) return '';
	return `"${v.includes('"') ? v.replace(/"/g, '""') : v}"`;
}

function num(v: number | null | undefined): string {
	return v === null || v === undefined ? '' : String(v);
}

/** A list of cell keys (codes: no quotes or backslashes) as a JSON array, CSV-quoted. */
function keyList(keys: string[]): string {
	if (keys.length === 0) return '"[]"';
	// An identity's cell list is one array shared by every report it is checked on: written once.
	let hit = keyLists.get(keys);
	if (hit === undefined) keyLists.set(keys, (hit = `"[""${keys.join('"",""')}""]"`));
	return hit;
}
const keyLists = new WeakMap<string[], string>();

/**
 * An identity's cell list is the same for every report it is checked on: 29 of the checks' 47
 * million characters on the generated corpus, carried from the workers, written and read back
 * as CSV. With refs, a list is written as `#` and a hash of its text, and its text is handed over
 * once per thread (`take`); the dataset writer puts the texts back (checksWithCellListsSql), so the
 * Parquet files hold the lists. The reference depends on the text alone, never on which thread
 * met it first: the same inputs give the same CSV, hence the same Parquet bytes.
 */
export class CellListRefs {
	private fields = new WeakMap<string[], string>();
	private sent = new Set<string>();
	private fresh: [string, string][] = [];

	/** The list's CSV field: a reference, or the list itself when that is as short. */
	field(keys: string[]): string {
		if (keys.length < 2) return keyList(keys);
		let field = this.fields.get(keys);
		if (field === undefined) {
			const json = `[${keys.map((k) => `"${k}"`).join(',')}]`;
			const ref = `#${hash64(json)}`;
			if (!this.sent.has(ref)) {
				this.sent.add(ref);
				this.fresh.push([ref, json]);
			}
			this.fields.set(keys, (field = `"${ref}"`));
		}
		return field;
	}

	/** Lists first referred to since the last call: they travel with the report that did. */
	take(): [string, string][] {
		const out = this.fresh;
		this.fresh = [];
		return out;
	}
}

/** Two 32-bit multiplicative hashes (FNV-1a and a murmur-like mix) as 16 hex digits: a collision between a run's hundred lists is not to be expected, and the writer refuses one. */
function hash64(s: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function bool(v: boolean | null): string {
	return v === null ? '' : v ? 'true' : 'false';
}

/** One figure's line; `cell` is its `table,row,col` codes. */
const line = (reportId: string, cell: string, value: number | null, raw: string, unit: string | null) => `${reportId},${cell},${num(value)},${text(raw)},${text(unit)}\n`;

/** One figure by its cell's `table.row.col` code (the national generator writes figures so). */
export function figureLine(reportId: string, key: string, value: number | null, raw: string, unit: string | null): string {
	return line(reportId, key.replace(/\./g, ','), value, raw, unit);
}

export function figureLines(reportId: string, figures: Figure[]): string {
	let out = '';
	for (const f of figures) out += line(reportId, `${f.table_code},${f.row_code},${f.col_code}`, f.value, f.raw, f.unit);
	return out;
}

/**
 * Figures back from their CSV lines (figureLines'), for the copy evidence: every field as written,
 * a quoted field's doubled quotes undone; an empty value is NULL, an empty unquoted unit too.
 */
export function parseFigureLines(csv: string): Figure[] {
	const out: Figure[] = [];
	let at = 0;
	const field = (): { text: string; quoted: boolean } => {
		if (csv[at] !== '"') {
			let end = at;
			while (end < csv.length && csv[end] !== ',' && csv[end] !== '\n') end++;
			const text = csv.slice(at, end);
			at = end;
			return { text, quoted: false };
		}
		let text = '';
		for (let i = at + 1; ;) {
			const q = csv.indexOf('"', i);
			if (q < 0) throw new Error('figures CSV: a quoted field does not end');
			text += csv.slice(i, q);
			if (csv[q + 1] === '"') {
				text += '"';
				i = q + 2;
			} else {
				at = q + 1;
				return { text, quoted: true };
			}
		}
	};
	const next = () => {
		const f = field();
		at++; // the comma or the line's end
		return f;
	};
	while (at < csv.length) {
		next(); // report_id
		const table_code = next().text as Figure['table_code'];
		const row_code = next().text;
		const col_code = next().text;
		const value = next().text;
		const raw = next().text;
		const unit = next();
		out.push({ table_code, row_code, col_code, value: value === '' ? null : Number(value), raw, unit: unit.quoted ? unit.text : null });
	}
	return out;
}

/** Check lines; with `refs`, a shared cell list may be a reference (see CellListRefs). */
export function checkLines(reportId: string, checks: CheckResult[], refs?: CellListRefs): string {
	let out = '';
	for (const c of checks) {
		out += `${reportId},${text(c.check_code)},${c.kind},${text(c.table_code)},${text(c.rule)},${bool(c.passed)},${num(c.expected)},${num(c.actual)},`;
		out += `${refs ? refs.field(c.cells) : keyList(c.cells)},${keyList(c.blank_cells)},${keyList(c.missing_cells)},${text(c.message)}\n`;
	}
	return out;
}

const REPORT_COLUMNS = columnsOf('reports');

/** One report, its columns in the contract's order and typed by it. */
export function reportLine(r: ReportRow): string {
	return `${REPORT_COLUMNS.map(([name, type]) => cell(type, r[name])).join(',')}\n`;
}

function cell(type: ColumnType, v: unknown): string {
	if (v === null || v === undefined) return '';
	if (type === 'VARCHAR') return text(String(v));
	if (type === 'BOOLEAN') return bool(v as boolean);
	return String(v);
}

/** The read_csv call for a table's CSV file, with the contract's column names and types. */
export function readCsvSql(table: 'reports' | 'figures' | 'checks', file: string): string {
	const columns = Object.entries(DATASET_TABLES[table])
		.map(([name, type]) => `'${name}': '${type}'`)
		.join(', ');
	return `read_csv('${file.replace(/'/g, "''")}', header = false, auto_detect = false, columns = {${columns}}, delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)`;
}

/**
 * The checks' rows from their CSV with every `#` reference replaced by its list (CellListRefs).
 * A projection, not a join: the rows keep their order. A reference with no list would be NULL,
 * which the writer refuses.
 */
export function checksWithCellListsSql(file: string, lists: ReadonlyMap<string, string>): string {
	const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
	const list = lists.size ? `MAP {${[...lists].map(([ref, list]) => `${quote(ref)}: ${quote(list)}`).join(', ')}}[cells]` : 'NULL::VARCHAR';
	return `SELECT * REPLACE (CASE WHEN starts_with(cells, '#') THEN ${list} ELSE cells END AS cells) FROM ${readCsvSql('checks', file)}`;
}

/** What a parse worker hands back for a report: metadata as objects, the long tables as CSV. */
export interface ReportRows {
	status: 'ok';
	report: ReportRow;
	warnings: Warning[];
	reading: Reading;
	/** Rows refused because their digits allowed several cuts: another copy of the same report may cut them. */
	refused: RefusedRun[];
	/** The carried_in / carried_out cells, for the carry-over check between years. */
	carried: Carried;
	failedChecks: number;
	figuresCsv: string;
	checksCsv: string;
	/** Cell lists that checksCsv (or an earlier report's, from the same thread) refers to by reference. */
	cellLists?: [string, string][];
}

export function toReportRows(result: Parsed | Rejected, refs?: CellListRefs): ReportRows | Rejected {
	if (result.status === 'rejected') return result;
	const id = result.report.report_id;
	return {
		status: 'ok',
		report: result.report,
		warnings: result.warnings,
		reading: result.reading,
		refused: result.refused,
		carried: carriedOf(result.figures),
		// As report_values counts them: identities (and, later, carry-over), not text or extraction checks.
		failedChecks: result.checks.filter((c) => c.passed === false && c.kind === 'identity').length,
		figuresCsv: figureLines(id, result.figures),
		checksCsv: checkLines(id, result.checks, refs),
		...(refs ? { cellLists: refs.take() } : {})
	};
}

/** A report's rows with its CSV as UTF-8 bytes: a browser worker encodes them, so the page need not (20 MB of CSV took it 0.3 s). */
export type EncodedReportRows = Omit<ReportRows, 'figuresCsv' | 'checksCsv'> & { figuresCsv: Uint8Array; checksCsv: Uint8Array };

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();

export function encodeReportRows(rows: ReportRows): EncodedReportRows {
	return { ...rows, figuresCsv: utf8.encode(rows.figuresCsv), checksCsv: utf8.encode(rows.checksCsv) };
}

/** A worker's rows as copy evidence (copies.ts): its figures read back from the lines it encoded, only if asked. */
export function copyEvidenceOf(rows: EncodedReportRows): CopyEvidence {
	return copyEvidence(rows.report, rows.refused, () => parseFigureLines(utf8Text.decode(rows.figuresCsv)));
}
