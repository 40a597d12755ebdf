/**
 * The identities (勾稽关系) a correct report satisfies, built per report from the format and the
 * cells the document printed, and a pure evaluator. Figures are never changed here: a failed
 * identity is a finding that is stored with the cells involved.
 */
import { APPEAL_COLUMNS, APPLICANT_COLUMNS, FORMATS, cellKey, outcomeRows, type FormatVersion } from './report-format';

export interface Identity {
	/** Stable code, e.g. `requests.balance.total`. */
	code: string;
	table: 'requests' | 'appeals';
	rule: string;
	zh: string;
	/** Cell keys summed on each side. */
	lhs: string[];
	rhs: string[];
}

export interface CheckResult {
	check_code: string;
	/**
	 * extraction: what the ingest could not read (a refused table or row, a missing section, an unknown agency);
	 * text: a figure the report's own words state, against its tables.
	 */
	kind: 'identity' | 'carry_over' | 'extraction' | 'text';
	table_code: string;
	rule: string;
	/** true, false, or null when a cell the rule needs is not in the document. */
	passed: boolean | null;
	expected: number | null;
	actual: number | null;
	cells: string[];
	blank_cells: string[];
	missing_cells: string[];
	message: string;
}

/** The value of a cell: a number, null for a printed blank, undefined when the document lacks it. */
export type CellLookup = (key: string) => number | null | undefined;

const ACOLS = APPLICANT_COLUMNS.map((c) => c.code);

const SUB_ROWS = ['other_no_fix', 'other_no_fee', 'other_misc'];
// The identities depend only on which of the 其他处理 rows a document prints: built once per pattern (~2 a run), not per report.
const identityCache = new Map<string, Identity[]>();

/** The format's identities for a document; `has` says which cells it prints. The list is shared: do not change it. */
export function identitiesFor(format: FormatVersion, has: (key: string) => boolean): Identity[] {
	const printed = (row: string, col: string) => (has(cellKey('requests', row, col)) ? '1' : '0');
	const key = `${format}|${ACOLS.map((c) => printed('other', c) + SUB_ROWS.map((r) => printed(r, c)).join('')).join('|')}`;
	let ids = identityCache.get(key);
	if (!ids) identityCache.set(key, (ids = buildIdentities(format, has)));
	return ids;
}

function buildIdentities(format: FormatVersion, has: (key: string) => boolean): Identity[] {
	const ids: Identity[] = [];
	const otherPrinted = ACOLS.some((c) => has(cellKey('requests', 'other', c)));
	const subRows = ['other_no_fix', 'other_no_fee', 'other_misc'];
	for (const col of ACOLS) {
		const k = (row: string) => cellKey('requests', row, col);
		ids.push({
			code: `requests.balance.${col}`,
			table: 'requests',
			rule: 'balance',
			zh: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度',
			lhs: [k('new'), k('carried_in')],
			rhs: [k('total'), k('carried_out')]
		});
		// In 2021 the other family is the printed `other` row when the document has one, else its three parts.
		const outcome = outcomeRows(format)
			.filter((r) => format === '2019' || r.code !== 'other' || otherPrinted)
			.map((r) => k(r.code));
		if (format === '2021' && !otherPrinted) outcome.push(...subRows.map(k));
		ids.push({
			code: `requests.results.${col}`,
			table: 'requests',
			rule: 'results',
			zh: '予以公开 + 部分公开 + 不予公开 + 无法提供 + 不予处理 + 其他处理 = 总计',
			lhs: outcome,
			rhs: [k('total')]
		});
		if (format === '2021' && otherPrinted && subRows.some((r) => has(k(r)))) {
			ids.push({
				code: `requests.other_split.${col}`,
				table: 'requests',
				rule: 'other_split',
				zh: '其他处理 = 三项之和',
				lhs: subRows.map(k),
				rhs: [k('other')]
			});
		}
	}
	const parts = ACOLS.filter((c) => c !== 'total');
	const subRowsPrinted = subRows.some((r) => ACOLS.some((c) => has(cellKey('requests', r, c))));
	for (const row of FORMATS[format].requests.rows) {
		// 2021 prints 其他处理 either as three rows or (some documents) as one: check the one printed.
		if (format === '2021' && row.code === 'other' && !otherPrinted) continue;
		if (format === '2021' && subRows.includes(row.code) && otherPrinted && !subRowsPrinted) continue;
		ids.push({
			code: `requests.applicants.${row.code}`,
			table: 'requests',
			rule: 'applicants',
			zh: '各类申请人之和 = 总计',
			lhs: parts.map((c) => cellKey('requests', row.code, c)),
			rhs: [cellKey('requests', row.code, 'total')]
		});
	}
	for (const row of FORMATS[format].appeals.rows) {
		ids.push({
			code: `appeals.row.${row.code}`,
			table: 'appeals',
			rule: 'appeals',
			zh: '结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
			lhs: APPEAL_COLUMNS.filter((c) => c.code !== 'total').map((c) => cellKey('appeals', row.code, c.code)),
			rhs: [cellKey('appeals', row.code, 'total')]
		});
	}
	return ids;
}

function sum(keys: string[], get: CellLookup, blank: string[], missing: string[]): number {
	let s = 0;
	for (const key of keys) {
		const v = get(key);
		if (v === undefined) missing.push(key);
		else if (v === null) blank.push(key);
		else s += v;
	}
	return s;
}

// An identity's cells, one array per identity: the CSV writer writes a shared list once (rows-csv.ts).
const cellsOfIdentity = new WeakMap<Identity, string[]>();
function cellsOf(id: Identity): string[] {
	let cells = cellsOfIdentity.get(id);
	if (!cells) cellsOfIdentity.set(id, (cells = [...id.lhs, ...id.rhs]));
	return cells;
}

/** Blank cells count as 0 (as the format's practice implies) but are listed with the result. */
export function evaluateIdentity(id: Identity, get: CellLookup): CheckResult {
	const blank: string[] = [];
	const missing: string[] = [];
	const expected = sum(id.lhs, get, blank, missing);
	const actual = sum(id.rhs, get, blank, missing);
	const complete = missing.length === 0;
	const passed = complete ? Math.abs(expected - actual) < 1e-9 : null;
	return {
		check_code: id.code,
		kind: 'identity',
		table_code: id.table,
		rule: id.rule,
		passed,
		expected: complete ? round(expected) : null,
		actual: complete ? round(actual) : null,
		cells: cellsOf(id),
		blank_cells: blank,
		missing_cells: missing,
		message: !complete
			? `${id.zh}：文件缺少 ${missing.length} 个单元格，无法核对`
			: passed
				? `${id.zh}：${round(expected)} = ${round(actual)}`
				: `${id.zh}：左边 ${round(expected)} ≠ 右边 ${round(actual)}（差 ${round(expected - actual)}）`
	};
}

/**
 * A carry-over check's two cells, one array per year and column shared by every check that names
 * them (as an identity's list is): the CSV writer then writes each list once (rows-csv.ts).
 */
const carryOverCells = new Map<string, string[]>();
function carryOverCellsOf(col: string, previousYear: number): string[] {
	const key = `${previousYear}|${col}`;
	let cells = carryOverCells.get(key);
	if (!cells) carryOverCells.set(key, (cells = [`${previousYear}:` + cellKey('requests', 'carried_out', col), cellKey('requests', 'carried_in', col)]));
	return cells;
}

/** carried_out of year Y (previous report) must equal carried_in of year Y+1 (this report). */
export function evaluateCarryOver(col: string, previousOut: number | null | undefined, thisIn: number | null | undefined, previousYear: number): CheckResult {
	const cells = carryOverCellsOf(col, previousYear);
	const [previousCell, thisCell] = cells;
	const missing: string[] = [];
	if (previousOut === undefined) missing.push(previousCell);
	if (thisIn === undefined) missing.push(thisCell);
	const blank: string[] = [];
	if (previousOut === null) blank.push(previousCell);
	if (thisIn === null) blank.push(thisCell);
	const complete = missing.length === 0;
	const expected = complete ? (previousOut ?? 0) : null;
	const actual = complete ? (thisIn ?? 0) : null;
	const passed = complete ? expected === actual : null;
	return {
		check_code: `carry_over.${col}`,
		kind: 'carry_over',
		table_code: 'requests',
		rule: 'carry_over',
		passed,
		expected,
		actual,
		cells,
		blank_cells: blank,
		missing_cells: missing,
		message: !complete
			? `与 ${previousYear} 年报告衔接：缺少单元格，无法核对`
			: passed
				? `${previousYear} 年结转下年度 ${expected} = 本年上年结转 ${actual}`
				: `${previousYear} 年结转下年度 ${expected} ≠ 本年上年结转 ${actual}`
	};
}

function round(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}
