/** Every identity of the format for one report, and the carry-over between an agency's years. */
import { APPLICANT_COLUMNS, cellKey, type FormatVersion } from '../src/lib/schema/report-format';
import { evaluateCarryOver, evaluateIdentity, identitiesFor, type CheckResult } from '../src/lib/schema/identities';
import type { Figure } from './extract';

export function figureMap(figures: Figure[]): Map<string, number | null> {
	return new Map(figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
}

export function reportChecks(format: FormatVersion, figures: Figure[]): CheckResult[] {
	const values = figureMap(figures);
	return identitiesFor(format, (k) => values.has(k)).map((id) => evaluateIdentity(id, (k) => values.get(k)));
}

export interface YearReport {
	report_id: string;
	agencyKey: string;
	year: number;
	figures: Figure[];
}

/** Carry-over checks, attached to the later report of each pair of consecutive years. */
export function carryOverChecks(reports: YearReport[]): Map<string, CheckResult[]> {
	const byAgency = new Map<string, YearReport[]>();
	for (const r of reports) {
		const list = byAgency.get(r.agencyKey) ?? [];
		list.push(r);
		byAgency.set(r.agencyKey, list);
	}
	const out = new Map<string, CheckResult[]>();
	for (const list of byAgency.values()) {
		const byYear = new Map<number, YearReport>();
		for (const r of [...list].sort((a, b) => a.report_id.localeCompare(b.report_id))) if (!byYear.has(r.year)) byYear.set(r.year, r);
		for (const [year, r] of byYear) {
			const prev = byYear.get(year - 1);
			if (!prev) continue;
			const prevValues = figureMap(prev.figures);
			const values = figureMap(r.figures);
			const results = APPLICANT_COLUMNS.map((c) =>
				evaluateCarryOver(c.code, prevValues.get(cellKey('requests', 'carried_out', c.code)), values.get(cellKey('requests', 'carried_in', c.code)), prev.year)
			);
			out.set(r.report_id, results);
		}
	}
	return out;
}
