/**
 * Rows whose figures ran together, put back into their columns (see glued.ts) for documents
 * whose cells may have lost their separators: crawler text, OCR markdown, PDF text. A table is
 * either taken whole, with a warning naming the rows that were cut, or rejected with the reason:
 * no cut is ever a guess.
 */
import { evaluateIdentity, identitiesFor } from '../schema/identities';
import { TABLE_LABELS, cellKey, tableDef, type FormatVersion, type RowDef, type TableCode } from '../schema/report-format';
import { cleanText, isMisread, isZeroLookalike, parseValueCell, toHalfWidth, withZeros } from './cells';
import { cuts, digitCount, isBlankMark, isDigitRun, resolveAgreed, runTokens } from './glued';
import type { Warning } from './extract';
import type { RefusedRun } from './copies';
import type { ProseStatement } from './prose-checks';

export interface RowCells {
	def: RowDef;
	cells: string[];
	byPosition: boolean;
}

/** The value cells a row printed (blank cells of a run-together row carry nothing). */
function printed(cells: string[]): string[] {
	return cells.filter((c) => cleanText(c) !== '');
}

/** `cut`: the fixed cells came from a run of digits (as many digits as cells), not as printed apart. */
type Plan = { fixed: true; cells: string[]; cut: boolean } | { fixed: false; options: string[][] };

/** A cell that holds one number as printed: not "15 2", not "0052" (no number starts with 0). */
function singleNumber(cell: string): boolean {
	// Full-width digits as ASCII ones: 0０ (two zeros OCR ran together) is no number either.
	const t = toHalfWidth(cleanText(cell));
	return parseValueCell(cell) !== undefined && !/\d\s+\d/.test(t) && !/(^|[^\d.])0\d/.test(t);
}

/**
 * A cell's figures when its space-separated parts cannot be one letter-spaced figure (`1 2` may be
 * 12): a part of several characters (`0 74`), or a first part 0 (`0 0 0`: no figure starts with 0).
 */
function figuresApart(cell: string): string[] {
	const parts = cleanText(cell).split(/\s+/).filter(Boolean);
	if (parts.length < 2 || !parts.every(singleNumber)) return [cell];
	return parts.some((t) => t.length > 1) || parts[0] === '0' ? parts : [cell];
}

function planRow(row: RowCells, sums: number[] | undefined, money: boolean, wholeCells: boolean): Plan | { error: string } {
	const n = row.def.columns.length;
	// Exactly a row's cells, some empty, the others one figure each (a grid that keeps its empty
	// cells: OCR Markdown). An empty cell is a blank figure, or the place OCR left when it ran two
	// figures into one cell (3129 for 3 and 129; a first cell left empty, the figures slid right):
	// each reading is an option, the cuts only where the row's sums hold, and the table's identities
	// choose, or the row is refused.
	const blank = (c: string) => cleanText(c) === '';
	const withBlanks = row.cells.length === n && row.cells.some(blank) && !row.cells.every(blank) && row.cells.every((c) => singleNumber(c) || blank(c));
	if (!withBlanks) return planPrinted(row, sums, money, wholeCells);
	// A PDF's figures each a cell of their own: its blank cells come only from the columns the figures
	// stand in (the PDF reader puts them there), never from cells run together.
	if (wholeCells) return { fixed: true, cells: row.cells, cut: false };
	const tokens = runTokens(printed(row.cells));
	const cutReadings = digitCount(tokens) >= n ? cuts(tokens, n, { sums, decimals: money, signed: !sums }).map((c) => c.map((x) => x.raw)) : [];
	return cutReadings.length === 0 ? { fixed: true, cells: row.cells, cut: false } : { fixed: false, options: [row.cells, ...cutReadings] };
}

/** Each group's last figure the sum of the others (a blank's mark leaves its group unchecked). */
function sumsHold(cells: string[], sums: number[]): boolean {
	let at = 0;
	for (const size of sums) {
		const group = cells.slice(at, at + size).map((c) => parseValueCell(c)?.value ?? NaN);
		at += size;
		if (group.some(Number.isNaN)) continue;
		if (group.slice(0, -1).reduce((a, b) => a + b, 0) !== group[group.length - 1]) return false;
	}
	return true;
}

/** A row read from its first printed figure on (blank cells in front are spanned label columns). */
function planPrinted(row: RowCells, sums: number[] | undefined, money: boolean, wholeCells: boolean): Plan | { error: string } {
	const n = row.def.columns.length;
	// Blank cells before the first figure are spanned label columns, not figures.
	const first = row.cells.findIndex((c) => cleanText(c) !== '');
	const values = first < 0 ? [] : row.cells.slice(first);
	const cells = printed(values);
	if (values.length >= n && values.every(singleNumber)) return { fixed: true, cells: values, cut: false };
	// Exactly a row's cells (empty ones after them are padding), each one figure, empty (a grid's blank
	// 总计) or misread (`a`, holding its place): read as printed, the blank as blank, the misread cell not at all.
	const own = values.length > n && values.slice(n).every((c) => cleanText(c) === '') ? values.slice(0, n) : values;
	if (own.length === n && own.every((c) => singleNumber(c) || cleanText(c) === '' || isMisread(c))) return { fixed: true, cells: own, cut: false };
	if (wholeCells) {
		// Each figure a cell of its own (a PDF's glyph runs): a row short of figures has lost blank cells,
		// and where is not known; digits a space apart in one cell are one letter-spaced figure or two.
		if (cells.length === n && cells.every(singleNumber)) return { fixed: true, cells, cut: false };
		// Figures a narrow column's gap ran into one cell (`0 74`, `37 0 0 0 0 0 37`): apart, when that
		// gives the row's count exactly.
		const apart = cells.flatMap(figuresApart);
		if (apart.length === n && apart.every(singleNumber)) return { fixed: true, cells: apart, cut: true };
		// Parts a space apart that may each be a figure or a letter-spaced figure's digits (`2 0 0 0 0 2`):
		// apart only when there are exactly as many as cells and the row's sums hold so.
		const parts = runTokens(cells);
		if (sums && parts.length === n && parts.every(singleNumber)) {
			const found = cuts(parts, n, { sums, decimals: money });
			if (found.length === 1) return { fixed: true, cells: found[0].map((x) => x.raw), cut: true };
		}
		return { error: `${row.def.label}：有 ${cells.length} 个单元格的数字，应有 ${n} 个（没有表格线，看不出哪几格空白或哪些数字相连），本行未读入` };
	}
	// A zero read as a letter (O, 〇) is a digit of the run like any other (said in the warnings).
	const tokens = runTokens(cells.map((c) => (isZeroLookalike(c) ? withZeros(cleanText(c)) : c)));
	if (!isDigitRun(tokens)) return { error: `${row.def.label}：单元格“${cells.map(cleanText).join(' ')}”不是可以拆分的数字` };
	if (digitCount(tokens) < n) return { error: `${row.def.label}：只有 ${digitCount(tokens)} 位数字，应有 ${n} 个单元格` };
	// As many digits as cells: one cut only, kept as printed even where its sums fail.
	if (digitCount(tokens) === n && tokens.every((t) => /^\d+$/.test(t) || isBlankMark(t))) {
		const forced = tokens.flatMap((t) => (isBlankMark(t) ? [t] : t.split('')));
		// But where every part a space apart is a number of its own (1 0 0 0 0 81: PDF text), a row one
		// short may as well have lost a blank cell that left no trace as run two figures together: the
		// cut stands only where its sums hold. A part no number can be (00) shows the run is glued.
		if (tokens.length > 1 && sums && tokens.every(singleNumber) && !sumsHold(forced, sums))
			return { error: `${row.def.label}：“${tokens.join(' ')}”只有 ${tokens.length} 个数，应有 ${n} 个；拆开后合计不符，可能是空白单元格没有留下痕迹，本行未读入` };
		return { fixed: true, cells: forced, cut: true };
	}
	const found = cuts(tokens, n, { sums, decimals: money, signed: !sums });
	return { fixed: false, options: found.map((c) => c.map((x) => x.raw)) };
}

/** One warning for a row's cells read as 0 though printed as a letter or circle (`unit`: how the cells are counted, `how`: what was done with them). */
export function warnZeroLookalikes(warnings: Warning[], table: TableCode, def: RowDef, cells: string[], unit: string, how: string) {
	if (cells.length === 0) return;
	warnings.push({
		code: 'zero_lookalike',
		table,
		rows: [def.code],
		message: `${def.label}：${cells.length} ${unit}印作字母或圆圈（${cells.join('、')}），文字识别常把 0 认作 O，按 0 ${how}：请核对原件`
	});
}

/**
 * Cut the run-together rows of one table. Returns the rows with their cells in place, or null
 * when the table must be rejected (a warning says why).
 */
export interface ReconstructOptions {
	/** Group sizes whose last number is the others' sum (default: the table's own). */
	groups?: number[];
	/** Where rows refused for several possible cuts are listed (another copy may cut them). */
	refusedRuns?: RefusedRun[];
	/** Each figure is a cell of its own (a PDF's glyph runs): never cut inside one. */
	wholeCells?: boolean;
	/** What the report's words state (本年度制发规范性文件34件): may single out one cut of a row. */
	statements?: ProseStatement[];
}

/**
 * The one cut of a row whose figures agree with what the report's own words state of its cells
 * (现行有效行政规范性文件698件，…制发的规范性文件88件 for 行政规范性文件's “8855698”: 88 55 698).
 * Only where the words state two or more of the row's cells and every statement agrees with that
 * cut: a figure lost from the run (a blank cell leaves no trace) makes the words disagree with
 * every cut, or, were only one cell stated, could leave one cut that agrees with it and is wrong.
 */
function cutByWords(table: TableCode, row: RowDef, options: string[][], statements: ProseStatement[]): { choice: number; sentences: string[] } | undefined {
	const n = row.columns.length;
	const keys = row.columns.map((c) => cellKey(table, row.code, c));
	let candidates = options.map((_, i) => i);
	const stated = new Set<number>();
	const sentences: string[] = [];
	for (const st of statements) {
		// Only a statement that means one cell, of this row.
		if (st.readings.length !== 1 || st.readings[0].cells.length !== 1) continue;
		const col = keys.indexOf(st.readings[0].cells[0]);
		if (col < 0) continue;
		candidates = candidates.filter((i) => parseValueCell(options[i].slice(-n)[col])?.value === st.stated);
		stated.add(col);
		if (!sentences.includes(st.sentence)) sentences.push(st.sentence);
	}
	return candidates.length === 1 && stated.size >= 2 ? { choice: candidates[0], sentences } : undefined;
}

export function reconstructTable(
	table: TableCode,
	format: FormatVersion,
	rows: RowCells[],
	warnings: Warning[],
	{ groups, refusedRuns, wholeCells = false, statements = [] }: ReconstructOptions = {}
): RowCells[] | null {
	const sums = groups ?? (table === 'requests' ? [7] : table === 'appeals' ? [5] : undefined);
	const def = tableDef(format, table);
	const plans: Plan[] = [];
	const reject = (why: string) => {
		warnings.push({ code: 'table_rejected', table, message: `${TABLE_LABELS[table].zh}：数字连在一起，无法确定拆分，本表未读入（${why}）`, rows: rows.map((r) => r.def.code) });
		return null;
	};
	const moneyRow = (row: RowCells) => row.def.columns.some((c) => def.columns.find((x) => x.code === c)?.unit === '万元' || c === 'amount');
	// Rows that cannot be cut at all (too few digits: a blank cell lost) are refused alone.
	const refused: string[] = [];
	const live: RowCells[] = [];
	for (const row of rows) {
		const plan = planRow(row, sums, moneyRow(row), wholeCells);
		if ('error' in plan) refused.push(plan.error);
		else {
			// Cells read as printed say so when their figures are read (figuresOf); cut ones here.
			if (!(plan.fixed && !plan.cut)) warnZeroLookalikes(warnings, table, row.def, row.cells.filter(isZeroLookalike).map(cleanText), '个数字', '拆分');
			plans.push(plan);
			live.push(row);
		}
	}
	if (live.length === 0) return reject(refused.join('；'));
	const cut = plans.map((p, i) => (p.fixed ? -1 : i)).filter((i) => i >= 0);
	const options = plans.map((p) => (p.fixed ? 1 : p.options.length));
	const cellsOf = (i: number, choice: number[]) => {
		const p = plans[i];
		return p.fixed ? p.cells : p.options[choice[i]];
	};
	// The table's identities must hold wherever they touch a cut row (requests: balance, results).
	// Figures are read from the last cells of a row, as figuresOf does.
	const valuesOf = (choice: number[]) => {
		const values = new Map<string, number | null>();
		live.forEach((r, i) => {
			const n = r.def.columns.length;
			(cellsOf(i, choice) ?? []).slice(-n).forEach((raw, j) => values.set(cellKey(table, r.def.code, r.def.columns[j]), parseValueCell(raw)?.value ?? null));
		});
		return values;
	};
	const cutKeys = new Set(cut.flatMap((i) => live[i].def.columns.map((c) => cellKey(table, live[i].def.code, c))));
	// Which cells exist does not depend on the choice: the identities to check are found once.
	const present = valuesOf(options.map(() => 0));
	const checked = table === 'requests' ? identitiesFor(format, (k) => present.has(k)).filter((id) => [...id.lhs, ...id.rhs].some((k) => cutKeys.has(k))) : [];
	const consistent = (choice: number[]) => {
		const values = valuesOf(choice);
		return checked.every((id) => evaluateIdentity(id, (k) => values.get(k)).passed !== false);
	};
	// Each row takes the cut every solution agrees on. Without an identity to decide (the proactive
	// table), or when none makes the identities hold (the document breaks them), a row is taken
	// only if its own digits and sums allow one cut.
	const rowByRow = checked.length === 0;
	const r = rowByRow || cut.length === 0 ? null : resolveAgreed(options, consistent);
	if (r?.status === 'too_many') return reject('可能的拆分过多');
	const agreed = r && r.status !== 'none' ? r.agreed : options.map((n) => (n === 1 ? 0 : null));
	// Without identities, a row's several cuts may be told apart by what the words state of its cells.
	const byWords: { def: RowDef; sentences: string[] }[] = [];
	if (rowByRow)
		live.forEach((row, i) => {
			const p = plans[i];
			if (agreed[i] !== null || p.fixed || p.options.length < 2) return;
			const found = cutByWords(table, row.def, p.options, statements);
			if (!found) return;
			agreed[i] = found.choice;
			byWords.push({ def: row.def, sentences: found.sentences });
		});
	const kept: RowCells[] = [];
	const cutRows: RowDef[] = [];
	live.forEach((row, i) => {
		const p = plans[i];
		if (agreed[i] === null && !p.fixed) {
			if (rowByRow && p.options.length > 1) refusedRuns?.push({ table, row: row.def.code, digits: runTokens(printed(row.cells)).join('') });
			const why =
				p.options.length === 0
					? '无法拆分'
					: rowByRow
						? `有 ${p.options.length} 种拆分，本表没有勾稽关系可以判定`
						: r?.status === 'none'
							? `有 ${p.options.length} 种拆分，勾稽关系不成立，无法判定`
							: `有 ${r?.count} 种拆分都符合勾稽关系`;
			refused.push(`${row.def.label}：“${printed(row.cells).map(cleanText).join(' ')}”${why}`);
			return;
		}
		kept.push({
			...row,
			cells: cellsOf(
				i,
				agreed.map((x) => x ?? 0)
			)
		});
		if ((!p.fixed || p.cut) && !byWords.some((w) => w.def === row.def)) cutRows.push(row.def);
	});
	if (kept.length === 0) return reject(refused.join('；'));
	if (cutRows.length) {
		const how = rowByRow ? '各行只有一种拆分' : r?.status === 'none' ? '按各行自身的数字唯一还原（本表勾稽关系不成立，见核对结果）' : '按勾稽关系唯一还原';
		warnings.push({
			code: 'reconstructed',
			table,
			rows: cutRows.map((d) => d.code),
			message: `${TABLE_LABELS[table].zh}：${cutRows.length} 行的数字连在一起，${how}：${cutRows.map((d) => d.label).join('、')}`
		});
	}
	for (const { def, sentences } of byWords)
		warnings.push({
			code: 'reconstructed',
			table,
			rows: [def.code],
			message: `${TABLE_LABELS[table].zh}：${def.label}的数字连在一起，有几种拆分，按报告正文所述的数字唯一还原（${sentences.map((s) => `“${s.length > 80 ? `${s.slice(0, 77)}…` : s}”`).join('、')}）`
		});
	if (refused.length) {
		warnings.push({
			code: 'rows_rejected',
			table,
			rows: rows.filter((row) => !kept.some((k) => k.def.code === row.def.code)).map((row) => row.def.code),
			message: `${TABLE_LABELS[table].zh}：${refused.length} 行的数字连在一起，无法确定拆分，未读入：${refused.join('；')}`
		});
	}
	return kept;
}
