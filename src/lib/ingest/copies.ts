/**
 * Two copies of one report in a run — the portal page and the text a crawler kept of it — are
 * read apart; where one copy's figures ran together and could not be cut (a proactive-disclosure
 * row has no identity to decide by), the other copy's separated cells can. Its cells are taken
 * only when they are evidence, not a guess: the same agency and year, every figure both copies
 * read agreeing, and the cells' own digits, written one after another, giving exactly the run
 * the first copy printed.
 */
import type { Figure, Warning } from './extract';
import { TABLE_LABELS, cellKey, type TableCode } from '../schema/report-format';
import type { ReportRow } from './report-row';

/** A row refused because its digits allowed several cuts. */
export interface RefusedRun {
	table: TableCode;
	row: string;
	/** The digits as printed, whitespace removed. */
	digits: string;
}

export interface CopyEvidence {
	report_id: string;
	source_name: string;
	agency: string;
	year: number;
	refused: RefusedRun[];
	/**
	 * Every figure read, for the agreement check and as the cells another copy may take: read back
	 * (from the figures' CSV lines) only for a report with another copy in the run, so that no
	 * report's figures cross from a parse thread, or stay in memory, twice.
	 */
	figures: () => Figure[];
}

/** A parsed report as copy evidence; its figures read only when asked (`figures`). */
export function copyEvidence(report: Pick<ReportRow, 'report_id' | 'source_name' | 'agency' | 'year'>, refused: RefusedRun[], figures: () => Figure[]): CopyEvidence {
	return { report_id: report.report_id, source_name: report.source_name, agency: report.agency, year: report.year, refused, figures };
}

const EVIDENCE_ROWS = new Set(['new', 'carried_in', 'total', 'carried_out']);
/** The cells compared between two copies, and the proactive rows one copy may give the other. */
function isCopyEvidence(f: Figure): boolean {
	return f.table_code !== 'requests' || EVIDENCE_ROWS.has(f.row_code);
}

const key = (f: Figure) => cellKey(f.table_code, f.row_code, f.col_code);
const digitsOf = (raw: string) => raw.replace(/[\s\u00a0\u3000]+/g, '').replace(/[\uff10-\uff19\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function agree(a: Figure[], b: Figure[]): boolean {
	const theirs = new Map(b.map((f) => [key(f), f.value]));
	let shared = 0;
	for (const f of a) {
		if (!theirs.has(key(f))) continue;
		if (theirs.get(key(f)) !== f.value) return false;
		shared++;
	}
	// Enough in common that the copies are one report, not two reports that look alike.
	return shared >= 20;
}

/** For each report that takes cells from a copy: the figures to add and the warning that says so. */
export function cutByCopies(reports: CopyEvidence[]): Map<string, { figures: Figure[]; warnings: Warning[] }> {
	const out = new Map<string, { figures: Figure[]; warnings: Warning[] }>();
	const byReport = new Map<string, CopyEvidence[]>();
	for (const r of reports) byReport.set(`${r.agency}|${r.year}`, [...(byReport.get(`${r.agency}|${r.year}`) ?? []), r]);
	const loaded = new Map<CopyEvidence, Figure[]>();
	const figures = (e: CopyEvidence) => loaded.get(e) ?? loaded.set(e, e.figures().filter(isCopyEvidence)).get(e)!;
	for (const group of byReport.values()) {
		if (group.length < 2) continue;
		for (const r of group) {
			for (const run of r.refused) {
				for (const other of group) {
					if (other === r || !agree(figures(r), figures(other))) continue;
					const cells = figures(other).filter((f) => f.table_code === run.table && f.row_code === run.row);
					if (cells.length === 0 || cells.some((c) => c.value === null)) continue;
					if (cells.map((c) => digitsOf(c.raw)).join('') !== run.digits) continue;
					const entry = out.get(r.report_id) ?? { figures: [], warnings: [] };
					entry.figures.push(...cells.map((c) => ({ ...c })));
					entry.warnings.push({
						code: 'cut_by_copy',
						table: run.table,
						rows: [run.row],
						message: `${TABLE_LABELS[run.table].zh}：“${run.digits}”按同一报告的另一份文件 ${other.source_name} 拆分为 ${cells.map((c) => digitsOf(c.raw)).join(' | ')}（两份文件的其他数字全部一致）`
					});
					out.set(r.report_id, entry);
					break;
				}
			}
		}
	}
	return out;
}
