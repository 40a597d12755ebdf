/**
 * Rows whose figures ran together, put back into their columns (see glued.ts) for documents
 * whose cells may have lost their separators: crawler text, OCR markdown, PDF text. A table is
 * either taken whole, with a warning naming the rows that were cut, or rejected with the reason:
 * no cut is ever a guess.
 */
import { evaluateIdentity, identitiesFor } from '../src/lib/schema/identities';
import { TABLE_LABELS, cellKey, tableDef, type FormatVersion, type RowDef, type TableCode } from '../src/lib/schema/report-format';
import { cleanText, parseValueCell } from './cells';
import { cuts, digitCount, isDigitRun, resolveRows, runTokens } from './glued';
import type { Warning } from './extract';
import type { RefusedRun } from './copies';

export interface RowCells {
	def: RowDef;
	cells: string[];
	byPosition: boolean;
}

/** The value cells a row printed (blank cells of a run-together row carry nothing). */
function printed(cells: string[]): string[] {
	return cells.filter((c) => cleanText(c) !== '');
}

type Plan = { fixed: true; cells: string[] } | { fixed: false; options: string[][] };

/** A cell that holds one number as printed: not "15 2", not "0052" (no number starts with 0). */
function singleNumber(cell: string): boolean {
	const t = cleanText(cell);
	return parseValueCell(cell) !== undefined && !/\d\s+\d/.test(t) && !/(^|[^\d.])0\d/.test(t);
}

function planRow(row: RowCells, sums: number[] | undefined, money: boolean): Plan | { error: string } {
	const n = row.def.columns.length;
	// Blank cells before the first figure are spanned label columns, not figures.
	const first = row.cells.findIndex((c) => cleanText(c) !== '');
	const values = first < 0 ? [] : row.cells.slice(first);
	const cells = printed(values);
	if (values.length >= n && values.every(singleNumber)) return { fixed: true, cells: values };
	const tokens = runTokens(cells);
	if (!isDigitRun(tokens)) return { error: `${row.def.label}：单元格“${cells.map(cleanText).join(' ')}”不是可以拆分的数字` };
	if (digitCount(tokens) < n) return { error: `${row.def.label}：只有 ${tokens.length} 个数字，应有 ${n} 个` };
	const found = cuts(tokens, n, { sums, decimals: money, signed: !sums });
	return { fixed: false, options: found.map((c) => c.map((x) => x.raw)) };
}

/**
 * Cut the run-together rows of one table. Returns the rows with their cells in place, or null
 * when the table must be rejected (a warning says why).
 */
export function reconstructTable(table: TableCode, format: FormatVersion, rows: RowCells[], warnings: Warning[], groups?: number[], refusedRuns?: RefusedRun[]): RowCells[] | null {
	const sums = groups ?? (table === 'requests' ? [7] : table === 'appeals' ? [5] : undefined);
	const def = tableDef(format, table);
	const plans: Plan[] = [];
	const reject = (why: string) => {
		warnings.push({ code: 'table_rejected', table, message: `${TABLE_LABELS[table].zh}：数字连在一起，无法确定拆分，本表未读入（${why}）`, rows: rows.map((r) => r.def.code) });
		return null;
	};
	const moneyRow = (row: RowCells) => row.def.columns.some((c) => def.columns.find((x) => x.code === c)?.unit === '万元' || c === 'amount');
	// A table without identities (二、主动公开) is read row by row: a row is taken when its digits
	// allow one cut only, and refused alone otherwise.
	if (table === 'active' && !groups) return reconstructRowByRow(table, rows, warnings, (row) => planRow(row, sums, moneyRow(row)), refusedRuns);
	for (const row of rows) {
		const plan = planRow(row, sums, moneyRow(row));
		if ('error' in plan) return reject(plan.error);
		plans.push(plan);
	}
	const cut = plans.map((p, i) => (p.fixed ? -1 : i)).filter((i) => i >= 0);
	if (cut.length === 0) return rows;
	const options = plans.map((p) => (p.fixed ? 1 : p.options.length));
	const cellsOf = (i: number, choice: number[]) => {
		const p = plans[i];
		return p.fixed ? p.cells : p.options[choice[i]];
	};
	// The table's identities must hold wherever they touch a cut row (requests: balance, results).
	// Figures are read from the last cells of a row, as figuresOf does.
	const valuesOf = (choice: number[]) => {
		const values = new Map<string, number | null>();
		rows.forEach((r, i) => {
			const n = r.def.columns.length;
			cellsOf(i, choice).slice(-n).forEach((raw, j) => values.set(cellKey(table, r.def.code, r.def.columns[j]), parseValueCell(raw)?.value ?? null));
		});
		return values;
	};
	const cutKeys = new Set(cut.flatMap((i) => rows[i].def.columns.map((c) => cellKey(table, rows[i].def.code, c))));
	// Which cells exist does not depend on the choice: the identities to check are found once.
	const present = valuesOf(options.map(() => 0));
	const checked = table === 'requests' ? identitiesFor(format, (k) => present.has(k)).filter((id) => [...id.lhs, ...id.rhs].some((k) => cutKeys.has(k))) : [];
	const consistent = (choice: number[]) => {
		if (checked.length === 0) return true;
		const values = valuesOf(choice);
		return checked.every((id) => evaluateIdentity(id, (k) => values.get(k)).passed !== false);
	};
	const r = resolveRows(options, consistent);
	if (r.status === 'none') return reject('没有一种拆分能使各行各列的勾稽关系成立');
	if (r.status === 'too_many') return reject('可能的拆分过多');
	if (r.status === 'ambiguous') return reject(`有 ${r.count} 种拆分都符合勾稽关系`);
	const cutRows = cut.map((i) => rows[i].def);
	warnings.push({
		code: 'reconstructed',
		table,
		rows: cutRows.map((d) => d.code),
		message: `${TABLE_LABELS[table].zh}：${cutRows.length} 行的数字连在一起，按勾稽关系唯一还原：${cutRows.map((d) => d.label).join('、')}`
	});
	return rows.map((row, i) => ({ ...row, cells: cellsOf(i, r.choice) }));
}

function reconstructRowByRow(table: TableCode, rows: RowCells[], warnings: Warning[], plan: (row: RowCells) => Plan | { error: string }, refusedRuns?: RefusedRun[]): RowCells[] {
	const kept: RowCells[] = [];
	const cutRows: RowDef[] = [];
	const refused: string[] = [];
	for (const row of rows) {
		const p = plan(row);
		if ('error' in p) refused.push(p.error);
		else if (p.fixed) kept.push({ ...row, cells: p.cells });
		else if (p.options.length === 1) {
			kept.push({ ...row, cells: p.options[0] });
			cutRows.push(row.def);
		} else {
			if (p.options.length > 1) refusedRuns?.push({ table, row: row.def.code, digits: runTokens(printed(row.cells)).join('') });
			refused.push(`${row.def.label}：“${printed(row.cells).map(cleanText).join(' ')}”${p.options.length ? `有 ${p.options.length} 种拆分` : '无法拆分'}`);
		}
	}
	if (cutRows.length) {
		warnings.push({ code: 'reconstructed', table, rows: cutRows.map((d) => d.code), message: `${TABLE_LABELS[table].zh}：${cutRows.length} 行的数字连在一起，只有一种拆分：${cutRows.map((d) => d.label).join('、')}` });
	}
	if (refused.length) {
		const codes = rows.filter((r) => !kept.some((k) => k.def.code === r.def.code)).map((r) => r.def.code);
		warnings.push({ code: 'rows_rejected', table, rows: codes, message: `${TABLE_LABELS[table].zh}：${refused.length} 行的数字连在一起，拆分不唯一，未读入（本表没有勾稽关系可以判定）：${refused.join('；')}` });
	}
	return kept;
}
