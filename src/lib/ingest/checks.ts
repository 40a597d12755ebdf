/**
 * Every identity of the format for one report, the carry-over between an agency's years, and what
 * the ingest could not read, recorded as failed checks so that every view that lists failures
 * shows them.
 */
import { APPLICANT_COLUMNS, cellKey, tableDef, type FormatVersion, type TableCode } from '../schema/report-format';
import { evaluateCarryOver, evaluateIdentity, identitiesFor, type CheckResult } from '../schema/identities';
import type { Figure, Warning } from './extract';

export function figureMap(figures: Figure[]): Map<string, number | null> {
	return new Map(figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
}

/** `values`: the report's figures by cell (figureMap). */
export function reportChecks(format: FormatVersion, values: Map<string, number | null>): CheckResult[] {
	return identitiesFor(format, (k) => values.has(k)).map((id) => evaluateIdentity(id, (k) => values.get(k)));
}

/**
 * A report's carried-over cells, by applicant column in APPLICANT_COLUMNS' order: the figure, null
 * for a blank cell, undefined for a cell not printed. Fourteen numbers where fourteen figure objects
 * crossed from each parse thread and stayed in memory until the run's end.
 */
export interface Carried {
	in: (number | null | undefined)[];
	out: (number | null | undefined)[];
}

/** No carried-over cell printed (yet). */
export function noneCarried(): Carried {
	return { in: APPLICANT_COLUMNS.map(() => undefined), out: APPLICANT_COLUMNS.map(() => undefined) };
}

/** A figure of requests.carried_in or carried_out put in its place; other figures are not carried over. */
export function addCarried(carried: Carried, f: Pick<Figure, 'table_code' | 'row_code' | 'col_code' | 'value'>): void {
	if (f.table_code !== 'requests' || (f.row_code !== 'carried_in' && f.row_code !== 'carried_out')) return;
	const col = APPLICANT_COLUMNS.findIndex((c) => c.code === f.col_code);
	if (col >= 0) carried[f.row_code === 'carried_in' ? 'in' : 'out'][col] = f.value;
}

/** The carried-over cells among a report's figures. */
export function carriedOf(figures: Figure[]): Carried {
	const carried = noneCarried();
	for (const f of figures) addCarried(carried, f);
	return carried;
}

/** The carried-over cells of a report whose figures are looked up by cell key. */
export function carriedFrom(valueOf: (key: string) => number | null | undefined): Carried {
	const column = (row: string) => APPLICANT_COLUMNS.map((c) => valueOf(cellKey('requests', row, c.code)));
	return { in: column('carried_in'), out: column('carried_out') };
}

export interface YearReport {
	report_id: string;
	agencyKey: string;
	year: number;
	carried: Carried;
}

/** Carry-over checks, attached to the later report of each pair of consecutive years. */
export function carryOverChecks(reports: YearReport[]): Map<string, CheckResult[]> {
	return new Map(carryOverPairs(reports));
}

/**
 * The same checks report by report, in the same order, as they are made: a run writes each and
 * keeps none (holding them all until the last cost the CLI's main thread ~30 ms of collection).
 */
export function* carryOverPairs(reports: YearReport[]): Generator<[string, CheckResult[]]> {
	const byAgency = new Map<string, YearReport[]>();
	for (const r of reports) {
		const list = byAgency.get(r.agencyKey) ?? [];
		list.push(r);
		byAgency.set(r.agencyKey, list);
	}
	for (const list of byAgency.values()) {
		const byYear = new Map<number, YearReport>();
		// Report ids are hexadecimal: compared code unit by code unit, with no collation to load.
		for (const r of [...list].sort((a, b) => (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0))) if (!byYear.has(r.year)) byYear.set(r.year, r);
		for (const [year, r] of byYear) {
			const prev = byYear.get(year - 1);
			if (!prev) continue;
			yield [r.report_id, carryOverBetween(prev.carried, r.carried, prev.year)];
		}
	}
}

/** The carry-over checks of one report against the previous year's report of the same agency. */
export function carryOverBetween(previous: Carried, current: Carried, previousYear: number): CheckResult[] {
	return APPLICANT_COLUMNS.map((c, i) => evaluateCarryOver(c.code, previous.out[i], current.in[i], previousYear));
}

/** Warnings that mean cells of the document are not in the data. */
const UNREAD = new Set(['table_rejected', 'rows_rejected', 'missing_section', 'agency_unknown']);

/**
 * What could not be read, one failed check per warning (kind `extraction`), naming the cells it
 * leaves out. Rows a later step recovered (cut by another copy of the report) are no longer listed.
 */
export function extractionChecks(format: FormatVersion, warnings: Warning[]): CheckResult[] {
	const recovered = new Set(warnings.filter((w) => w.code === 'cut_by_copy').flatMap((w) => (w.rows ?? []).map((r) => `${w.table}.${r}`)));
	const out: CheckResult[] = [];
	for (const w of warnings) {
		if (!UNREAD.has(w.code)) continue;
		const table = w.table as TableCode | undefined;
		const rows = table ? (w.rows ?? tableDef(format, table).rows.map((r) => r.code)).filter((r) => !recovered.has(`${table}.${r}`)) : [];
		if (table && rows.length === 0) continue;
		const cells = table ? rows.flatMap((r) => (tableDef(format, table).rows.find((d) => d.code === r)?.columns ?? []).map((c) => cellKey(table, r, c))) : [];
		out.push({
			check_code: `extraction.${w.code}${table ? '.' + table : ''}`,
			kind: 'extraction',
			table_code: table ?? '',
			rule: 'extraction',
			passed: false,
			expected: null,
			actual: null,
			cells,
			blank_cells: [],
			missing_cells: cells,
			message: w.message
		});
	}
	return out;
}
