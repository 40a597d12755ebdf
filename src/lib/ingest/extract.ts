/**
 * Map a document's tables onto the format: find sections 二–四, recognise the format version
 * from the tables, match each data row to a row code by its label (or, when the label was lost,
 * by its position in the format) and read its figures from the cells to the right of the label.
 */
import { cleanText, isLabelCell, isMisread, isValueToken, isZeroLookalike, memoized, parseValueCell, toColumnUnit } from './cells';
import { digitCount, isRunOfFigures } from './glued';
import { reconstructTable, warnZeroLookalikes } from './reconstruct';
import { proseStatements } from './prose-checks';
import type { Block } from './document';
import type { RefusedRun } from './copies';
import { TABLE_LABELS, cellKey, tableDef, type FormatVersion, type RowDef, type TableCode } from '../schema/report-format';

export interface Figure {
	table_code: TableCode;
	row_code: string;
	col_code: string;
	value: number | null;
	raw: string;
	unit: string | null;
}

export interface Warning {
	code: string;
	message: string;
	table?: TableCode;
	rows?: string[];
}

export interface Extraction {
	format: FormatVersion;
	formatEvidence: string;
	figures: Figure[];
	warnings: Warning[];
	sections: TableCode[];
	/** Rows refused because their run of digits allows several cuts (another copy may cut them). */
	refused: RefusedRun[];
}

const SECTION_ORDER: Record<TableCode, number> = { active: 1, requests: 2, appeals: 3 };

const HEADING_RULES: { table: TableCode | null; re: RegExp }[] = [
	// By their words: some reports number the sections 三–五.
	{ table: 'active', re: /^\s*[二三四]\s*[、.．]\s*主动公开/ },
	{ table: 'requests', re: /^\s*[三四五]\s*[、.．]\s*(收到和处理|.*申请情况)/ },
	{ table: 'appeals', re: /^\s*[四五六]\s*[、.．]\s*.*(行政复议|行政诉讼)/ },
	{ table: null, re: /^\s*[五六七]\s*[、.．]\s*(存在|.*问题|其他需要)/ }
];

const TABLE_SIGNS: { table: TableCode; re: RegExp }[] = [
	{ table: 'appeals', re: /结果维持|结果纠正|复议后起诉|未经复议/ },
	{ table: 'requests', re: /申请人情况|本年新收|上年结转|自然人/ },
	{ table: 'active', re: /第二十条|规章|行政许可|行政处罚|信息内容/ }
];

/**
 * A sentence's marks: a full stop, or a count in running text (申请75件，). A count starts where a
 * run of digits starts: tried inside the run too, a long run of digits took minutes.
 */
const PROSE = /[。！？]|(?<!\d)\d+\s*(?:件|条|个|次|篇|期)[，、；。]/;

/** Rows of each section's tables, in document order. */
export function sectionRows(blocks: Block[]): Record<TableCode, string[][]> {
	const out: Record<TableCode, string[][]> = { active: [], requests: [], appeals: [] };
	let state: TableCode | null = null;
	let ended = false;
	const moveTo = (t: TableCode) => {
		if (state === null || SECTION_ORDER[t] > SECTION_ORDER[state]) state = t;
	};
	// A row's label printed as a line of its own just before its figures (a PDF whose label column
	// sits apart from the figures, a table pasted as a paragraph per cell): joined to them.
	let label: string | undefined;
	for (const block of blocks) {
		if (block.kind === 'text') {
			label = block.text.length <= 60 && !PROSE.test(block.text) ? block.text : undefined;
			for (const rule of HEADING_RULES) {
				if (!rule.re.test(block.text)) continue;
				label = undefined;
				if (rule.table === null) {
					if (state) ended = true;
				} else {
					moveTo(rule.table);
					ended = false;
				}
				break;
			}
			continue;
		}
		const before = label;
		label = undefined;
		if (ended) continue;
		for (const [k, printed] of block.rows.entries()) {
			const row = k === 0 && before !== undefined && state && printed.length > 0 && printed.every((cell) => isValueToken(cell)) ? [before, ...printed] : printed;
			const joined = row.join('');
			// A sentence a PDF split at a wide gap (…涉及自然人72件、商业企业 | 3件，均在法定期限) names no table.
			for (const sign of PROSE.test(joined) ? [] : TABLE_SIGNS) {
				if (sign.re.test(joined)) {
					moveTo(sign.table);
					break;
				}
			}
			const current = state as TableCode | null;
			if (current) out[current].push(row);
		}
	}
	return out;
}

const SIGNS_2021 = [/本年制发件数/, /本年废止件数/, /现行有效件数/, /本年收费金额/, /逾期不补正/, /缴纳费用/, /收费通知/];
const SIGNS_2019 = [/本年新制作数量/, /本年新公开数量/, /对外公开总数量/, /上一年项目数量/, /本年增\s*[/／]\s*减/, /采购总金额/, /政府集中采购/, /其他对外管理服务/];

/** The format version from the tables' own labels; the year decides only when they are silent. */
export function detectFormat(sections: Record<TableCode, string[][]>, year: number | undefined): { format: FormatVersion; evidence: string } {
	const text = [...sections.active, ...sections.requests].map((r) => r.join('')).join('\n');
	const n21 = SIGNS_2021.filter((re) => re.test(text)).length;
	const n19 = SIGNS_2019.filter((re) => re.test(text)).length;
	if (n21 > n19) return { format: '2021', evidence: `表格标签符合 2021 版格式（${n21} 项特征）` };
	if (n19 > n21) return { format: '2019', evidence: `表格标签符合 2019 版格式（${n19} 项特征）` };
	const format: FormatVersion = year !== undefined && year >= 2021 ? '2021' : '2019';
	return { format, evidence: `表格未显示版本特征，按报告年度 ${year ?? '未知'} 判定为 ${format} 版` };
}

interface RowParts {
	labels: string[];
	values: string[];
}

/** Label cells, then the cells right of the last label: those hold the figures. */
function splitRow(row: string[], runTogether = false): RowParts {
	// A misread figure (`a` among the figures) holds its figure's place: it is no label.
	const isLabel = (c: string) => isLabelCell(c) && !(runTogether && isRunOfFigures(cleanText(c))) && !isMisread(c);
	let last = -1;
	for (let i = 0; i < row.length; i++) if (isLabel(row[i])) last = i;
	// Every cell up to the last label is the label's: a letter-spaced label's number comes out as a
	// cell of its own (`3` `.` `其` `他`), and its figures start after the label.
	const labels: string[] = [];
	for (let i = 0; i <= last; i++) {
		const text = cleanText(row[i]);
		if (text) labels.push(text);
	}
	return { labels, values: row.slice(last + 1) };
}

// A label without its number, asked of the same labels many times: each distinct one once.
const stripNumbering = memoized((label: string): string =>
	// Spaces first: letter-spaced print puts them inside the number too (3 .其 他, （ 七 ） 总 计).
	label
		.replace(/[\s\u00a0\u3000]+/g, '')
		.replace(/^[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]?/, '')
		.replace(/[：:]/g, '')
);

/** Labels as compared: no spaces, one kind of quote mark and bracket (each distinct label once). */
const normalizeLabel = memoized(normalizeUncached);

function normalizeUncached(label: string): string {
	return label
		.replace(/[\s\u00a0\u3000]+/g, '')
		.replace(/[“”"'‘’「」『』]/g, '"')
		.replace(/[(（]/g, '（')
		.replace(/[)）]/g, '）');
}

/** `bare`: the label without its number (stripNumbering); `text`: the label normalised (normalizeLabel). */
function labelMatches(def: RowDef, bare: string, text: string): boolean {
	if (def.code === 'other_misc') return bare === '其他';
	// （六）其他处理 as one row: its label alone, not the group's label run together with a sub-row's (申请人…逾期不补正).
	if (def.code === 'other') return bare.startsWith('其他处理') && !/申请人|补正|收费|费用/.test(bare);
	if (def.code === 'total' && def.columns.length === 7) return /^总计$/.test(bare) || /^（?七）?总计/.test(text);
	return def.keywords.some((k) => text.includes(normalizeLabel(k)));
}

/** Where in a label the row's keyword stands (0 for rows matched by their whole label). */
function keywordAt(def: RowDef, text: string): number {
	let at = 0;
	for (const k of def.keywords) at = Math.max(at, text.lastIndexOf(normalizeLabel(k)));
	return at;
}

/** Where the row's keyword that stands last in a label ends (0 for rows matched by their whole label). */
function keywordEnd(def: RowDef, text: string): number {
	let end = 0;
	for (const k of def.keywords) {
		const key = normalizeLabel(k);
		const at = text.lastIndexOf(key);
		if (at >= 0) end = Math.max(end, at + key.length);
	}
	return end;
}

/** Figures run together in a label (3 digits or more): a row's figures, never a label's own number. */
const RUN_OF_DIGITS = /\d{3,}/;

/** A run of figures in the label between the first row's name and a later row's. */
function figuresBetween(label: string, first: RowDef, later: RowDef): boolean {
	const text = normalizeLabel(label);
	const a = keywordAt(first, text);
	const b = keywordAt(later, text);
	return b > a && RUN_OF_DIGITS.test(text.slice(a, b));
}

function bigrams(s: string): string[] {
	const out: string[] = [];
	for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
	return out;
}

/** Dice similarity of two labels' character pairs: a typo (其他法律行政止公开) still scores high. */
function similarity(a: string, b: string): number {
	const x = bigrams(a);
	const y = bigrams(b);
	if (!x.length || !y.length) return 0;
	const pool = [...y];
	let common = 0;
	for (const g of x) {
		const k = pool.indexOf(g);
		if (k >= 0) {
			common++;
			pool.splice(k, 1);
		}
	}
	return (2 * common) / (x.length + y.length);
}

// A row definition's label, compared many times: its normalised text once.
const bareLabels = new WeakMap<RowDef, string>();
function bareLabel(def: RowDef): string {
	let hit = bareLabels.get(def);
	if (hit === undefined) bareLabels.set(def, (hit = normalizeLabel(stripNumbering(def.label))));
	return hit;
}

const FUZZY_THRESHOLD = 0.6;
const FUZZY_REACH = 3;

/**
 * The row a label names, among candidates at or after `from` (document order is kept): by its
 * keywords, or, for a label with a typo or a lost character, by its likeness to the next few rows'
 * labels (only when exactly one of them is alike).
 */
function matchRow(labels: string[], candidates: RowDef[], from: number): number {
	return matchRowAt(labels, candidates, from).j;
}

/** Most label cells a character or two: one label come out a character per cell. */
function isSpreadOut(labels: string[]): boolean {
	let short = 0;
	for (const l of labels) if (l.length <= 2) short++;
	return short * 2 >= labels.length;
}

/** matchRow, the label that named the row, and whether it was only alike (`fuzzy`), not named. */
function matchRowAt(labels: string[], candidates: RowDef[], from: number): { j: number; label?: string; fuzzy?: boolean } {
	// The label cells from the last, then, when most are a character or two, all of them as one: a
	// label printed letter-spaced may come out a character per cell (`1` `.` `信` `访` …).
	const spread = labels.length > 2 && isSpreadOut(labels) ? labels.join('') : undefined;
	const count = labels.length + (spread === undefined ? 0 : 1);
	const labelAt = (n: number) => (n < labels.length ? labels[labels.length - 1 - n] : spread!);
	for (let n = 0; n < count; n++) {
		const label = labelAt(n);
		const bare = stripNumbering(label);
		const text = normalizeLabel(label);
		let best = -1;
		for (let j = from; j < candidates.length; j++) {
			// 3.其他 alone is also the applicants' last column heading: it names its row only within its group.
			if (candidates[j].code === 'other_misc' && from < j - 2) continue;
			if (!labelMatches(candidates[j], bare, text)) continue;
			if (best < 0) {
				best = j;
				// Only a label holding a run of figures can name a later row that takes the figures.
				if (!RUN_OF_DIGITS.test(label)) break;
			}
			// One cell naming two rows with a row's figures between them (a one-line text cut in the wrong
			// place: `一、本年新收…713000074二、上年结转…`): the figures after it are the row's named last.
			// Names run together without figures (labels wrapped into each other) keep the first.
			else if (figuresBetween(label, candidates[best], candidates[j])) best = j;
		}
		if (best >= 0) return { j: best, label };
	}
	for (let n = 0; n < count; n++) {
		const label = labelAt(n);
		const bare = normalizeLabel(stripNumbering(label));
		if (bare.length < 4) continue;
		const alike = candidates
			.slice(from, from + FUZZY_REACH)
			.map((d, k) => ({ j: from + k, score: similarity(bare, bareLabel(d)) }))
			.filter((c) => c.score >= FUZZY_THRESHOLD);
		if (alike.length === 1) return { j: alike[0].j, label, fuzzy: true };
	}
	return { j: -1 };
}

/** A label that is a piece of the previous row's label and not of the row whose place is next. */
function continuesLabelOf(labels: string[], previous: RowDef, next: RowDef | undefined): boolean {
	const piece = normalizeLabel(stripNumbering(labels.join('')));
	if (piece.length < 4) return false;
	return normalizeLabel(previous.label).includes(piece) && !(next && normalizeLabel(next.label).includes(piece));
}

/** A row's own number where the format gives it one no other row shares: 一、 （二）. */
const ROW_NUMBER = /^(?:（[一二三四五六七八九十]）|[一二三四五六七八九十]、)/;

/**
 * Why a label that names row `j` may hold more than that row, or undefined: figures after its
 * name (rows never cut apart), or the number of an earlier row not yet read before its name
 * (`（一）以予公开…（二）部分公开`: a label with a typo, the next row's label wrapped into it).
 */
function namesSeveralRows(label: string, defs: RowDef[], from: number, j: number, labelOnly: Set<string>, nextLabels: () => string[]): string | undefined {
	if (figuresAfterName(label, defs[j])) return '中含有几行的标签和数字，没有分开，其后的数字不知属于哪一行';
	const text = normalizeLabel(label);
	// A later row's name after this one's (行政处罚行政强制: two labels of an OCR grid joined, the
	// first row's figures lost): the figures may be either row's. Unless a label piece of the next row
	// goes on with that later label (`…（一）予以公开（二）部分公开（区分` / `处理的，只计这一情形…`): a
	// label wrapped into the row above, as office suites print it.
	const bare = stripNumbering(label);
	// Most labels are their row's own label, or a part of it: no room for another's.
	const own = bareLabel(defs[j]).includes(normalizeLabel(bare));
	const end = own ? text.length : keywordEnd(defs[j], text);
	for (let k = j + 1; text.length - end >= 2 && k < defs.length; k++) {
		if (labelOnly.has(defs[k].code) || !labelMatches(defs[k], bare, text) || keywordAt(defs[k], text) < end) continue;
		const later = normalizeLabel(defs[k].label);
		if (nextLabels().some((piece) => (piece = normalizeLabel(stripNumbering(piece))).length >= 2 && later.includes(piece))) break;
		return `中还有后面“${defs[k].label.slice(0, 12)}”的标签，数字属于哪一行无法确定`;
	}
	if (j === from) return undefined;
	const before = text.slice(0, keywordAt(defs[j], text));
	for (let k = from; k < j; k++) {
		if (labelOnly.has(defs[k].code)) continue;
		const number = ROW_NUMBER.exec(normalizeLabel(defs[k].label))?.[0];
		// Its figures between it and this row's name: a row of its own, already left behind (figuresBetween).
		if (number && before.includes(number) && !RUN_OF_DIGITS.test(before.slice(before.lastIndexOf(number))))
			return `在“${defs[j].label.slice(0, 12)}”之前还有“${number}”，数字属于哪一行无法确定`;
	}
	return undefined;
}

/**
 * A row's figures run on after its name inside the label cell (`…逾期不补正… 2000002 2.…缴纳费用… 0000000 3.其他`):
 * the cell holds several rows that were not cut apart, and the figures after it are a later row's.
 */
function figuresAfterName(label: string, def: RowDef): boolean {
	if (!RUN_OF_DIGITS.test(label)) return false;
	const text = normalizeLabel(label);
	return RUN_OF_DIGITS.test(text.slice(keywordAt(def, text)));
}

interface MappedRow {
	def: RowDef;
	cells: string[];
	byPosition: boolean;
}

/**
 * The tables' column headings (自然人, 商业企业 … 本年制发件数, 结果维持), with the headings over them: a
 * row of them repeats the table's head where a page or an OCR tool broke the table in two.
 */
const COLUMN_HEADINGS = new Set(
	[
		...(['2019', '2021'] as FormatVersion[]).flatMap((f) => (['active', 'requests', 'appeals'] as TableCode[]).flatMap((t) => tableDef(f, t).columns.map((c) => c.label))),
		'申请人情况',
		'法人或其他组织',
		'信息内容'
	].map((label) => label.replace(/\s+/g, ''))
);

/**
 * The labels end in a column heading and hold another, different one (the row has no figure): the
 * table's head again. 总计 | 总计 is the total row, its label cells merged; headings followed by a
 * row's own label (信息内容 本年制发件数 … 规章, cells one per line with no figure between them) are that row's.
 */
function repeatsTheHead(labels: string[]): boolean {
	const bare = labels.map((label) => label.replace(/\s+/g, ''));
	if (!bare.length || !COLUMN_HEADINGS.has(bare[bare.length - 1])) return false;
	return new Set(bare.filter((b) => COLUMN_HEADINGS.has(b))).size >= 2;
}

/** `labelOnly` rows are taken only when a label names them, never by position. */
function mapRows(
	table: TableCode,
	rows: string[][],
	defs: RowDef[],
	startRe: RegExp | null,
	warnings: Warning[],
	labelOnly: Set<string> = new Set(),
	runTogether = false
): MappedRow[] {
	const mapped: MappedRow[] = [];
	let started = startRe === null;
	let p = 0;
	let lost = false;
	// Rows whose place is not known (no label, after a row not placed for sure): named in one warning.
	const unplaced: string[] = [];
	for (const [i, row] of rows.entries()) {
		const { labels, values } = splitRow(row, runTogether);
		const hasFigure = values.some((v) => isValueToken(v) || (runTogether && isRunOfFigures(cleanText(v))));
		if (!started) {
			if (!(hasFigure || labels.some((l) => startRe!.test(l)))) continue;
			started = true;
		}
		// A heading row (（六）其他处理 over its three sub-rows) has a label and no cells at all.
		if (values.length === 0) continue;
		// The head repeated after a page break: its last heading (其他) would name a row (3.其他).
		if (!hasFigure && repeatsTheHead(labels)) continue;
		const named = matchRowAt(labels, defs, p);
		let j = named.j;
		const doubt =
			j >= 0 && named.label !== undefined
				? namesSeveralRows(named.label, defs, p, j, labelOnly, () => (i + 1 < rows.length ? splitRow(rows[i + 1], runTogether).labels : []))
				: undefined;
		if (doubt) {
			warnings.push({ code: 'rows_rejected', table, rows: [defs[j].code], message: `${TABLE_LABELS[table].zh}：标签“${cleanText(named.label!).slice(0, 60)}”${doubt}，未读入` });
			// Where the rows after it stand is not known either, until a label names one.
			lost = true;
			p = j + 1;
			continue;
		}
		if (j >= 0) lost = false;
		if (j < 0) while (p < defs.length && labelOnly.has(defs[p].code)) p++;
		if (p >= defs.length) break;
		// A row whose only label is a group heading (三、本年度办理结果) without figures is no data row.
		if (j < 0 && !hasFigure && !(labels.length === 0 && values.length >= defs[p].columns.length)) continue;
		const previous = mapped[mapped.length - 1];
		if (j < 0 && previous && !previous.byPosition && continuesLabelOf(labels, previous.def, defs[p]) && matchRow(labels, defs, 0) < 0) {
			// This row's label is the rest of the row read before (`…部分公开（区分` / `处理的，只计这一情`): the
			// label spans both lines, and which line's figures are that row's is not known. Neither is read.
			const undone = mapped.pop()!;
			warnings.push({
				code: 'rows_rejected',
				table,
				rows: [undone.def.code],
				message: `${TABLE_LABELS[table].zh}：“${undone.def.label}”的标签跨两行，两行都有数字，无法确定哪一行是它的，未读入`
			});
			lost = true;
			continue;
		}
		if ((j < 0 || named.fuzzy) && labels.length > 0) {
			// A label naming a row already passed by rows placed by position: those placements were
			// wrong (a row's figures broken over two lines put the rest in the next row's place), so
			// they are undone (their figures not read) and this row takes the place its label names.
			// A label only alike to a row ahead (申请人无正当理由逾期不补正… and 申请人逾期未按收费通知…
			// differ in a few words) that names a row passed so is that row's.
			const earlier = matchRowAt(labels, defs, 0);
			const k = j < 0 || !earlier.fuzzy ? earlier.j : -1;
			const at = k >= 0 && k < p ? mapped.findIndex((m) => m.def === defs[k]) : -1;
			if (at >= 0 && mapped.slice(at).every((m) => m.byPosition)) {
				const undone = mapped.splice(at);
				warnings.push({
					code: 'rows_rejected',
					table,
					rows: undone.map((m) => m.def.code),
					message: `${TABLE_LABELS[table].zh}：${undone.length} 行没有标签，其位置与后面一行的标签“${labels[labels.length - 1]}”矛盾，未读入`
				});
				j = k;
				lost = false;
			} else if (named.fuzzy && k >= 0 && k < p) {
				// Named exactly as a row already read, and only alike to the one ahead: neither is sure.
				warnings.push({
					code: 'rows_rejected',
					table,
					rows: [defs[j].code],
					message: `${TABLE_LABELS[table].zh}：标签“${cleanText(named.label!).slice(0, 40)}”是前面“${defs[k].label}”的标签，与此处的“${defs[j].label}”只是相似，未读入`
				});
				lost = true;
				p = j + 1;
				continue;
			} else if (j < 0 && k >= 0 && k < p) {
				// A label naming a row behind: never a place by position. Printed out of the format's
				// order (行政强制 before 行政处罚), the row is its label's; printed again, the same figures count once.
				if (at < 0) mapped.push({ def: defs[k], cells: values, byPosition: false });
				else if (mapped[at].byPosition || mapped[at].cells.map(cleanText).join(' ') !== values.map(cleanText).join(' ')) {
					// Two readings of one row (one by position, or the label printed twice with other
					// figures): which is the row's is not known. Neither is read.
					const placed = mapped[at].byPosition;
					mapped.splice(at, 1);
					warnings.push({
						code: 'rows_rejected',
						table,
						rows: [defs[k].code],
						message: placed
							? `${TABLE_LABELS[table].zh}：“${defs[k].label}”已有一行按位置放在此处，与后面的标签矛盾，两行都未读入`
							: `${TABLE_LABELS[table].zh}：“${defs[k].label}”的标签出现两次，数字不同，两行都未读入`
					});
				}
				continue;
			}
		}
		if (j < 0 && lost) {
			unplaced.push(cleanText(labels.join('') || values.join(' ')).slice(0, 40));
			continue;
		}
		const byPosition = j < 0;
		if (j < 0) j = p;
		mapped.push({ def: defs[j], cells: values, byPosition });
		p = j + 1;
		// A row placed by position with too few cells is a piece of a row (its figures broken over two
		// lines, a label's number read as a figure): where the rows after it belong is not known.
		// Run-together figures may hold several cells in one token: a piece has fewer digits than cells.
		const columns = defs[j].columns.length;
		if (byPosition && values.length < columns && (!runTogether || digitCount(values.map(cleanText)) < columns)) lost = true;
	}
	if (unplaced.length) {
		const shown = unplaced.slice(0, 8).join('；') + (unplaced.length > 8 ? '；…' : '');
		warnings.push({
			code: 'rows_rejected',
			table,
			message: `${TABLE_LABELS[table].zh}：${unplaced.length} 行没有可辨认的标签，前一行又未能确定，其位置不明，未读入（${shown}）`
		});
	}
	const placed = mapped.filter((m) => m.byPosition).map((m) => m.def);
	if (placed.length) {
		warnings.push({
			code: 'placed_by_position',
			table,
			rows: placed.map((d) => d.code),
			message: `${TABLE_LABELS[table].zh}：${placed.length} 行没有标签，按格式中的位置放置：${placed.map((d) => `${d.label}（${d.code}）`).join('、')}`
		});
	}
	return mapped;
}

/**
 * A row with more cells than the format's, the extra ones empty (a grid wider than the row, a
 * crawler's mark for a spanned place, a label cell left empty): the cells without them. Empty at
 * the end only: the first cells. Empty at both ends: a row with no label has lost it in front
 * (the last cells); a labelled row's figures start right after its label (the first cells).
 */
function withoutPadding(cells: string[], n: number, labelled: boolean): string[] {
	const extra = cells.length - n;
	const empty = (c: string) => c.trim() === '';
	const atEnd = cells.slice(n).every(empty);
	const atStart = cells.slice(0, extra).every(empty);
	if (atEnd && (labelled || !atStart)) return cells.slice(0, n);
	return cells;
}

/**
 * Figures in front of a row's own enough to make a row of their own: a neighbouring row whose
 * label was lost (text with a cell per line joins it to the row above). Which are this row's is
 * not known, unless every figure is the same (a table of zeros), when any choice reads the same.
 */
function holdsAnotherRow(cells: string[], n: number): boolean {
	if (cells.slice(0, cells.length - n).filter(isValueToken).length < n) return false;
	return new Set(cells.filter(isValueToken).map((c) => parseValueCell(c)?.value)).size > 1;
}

function figuresOf(table: TableCode, format: FormatVersion, m: MappedRow, warnings: Warning[]): Figure[] {
	const n = m.def.columns.length;
	let cells = m.cells.length > n ? withoutPadding(m.cells, n, !m.byPosition) : m.cells;
	if (cells.length > n && cells.some(isMisread) && cells.slice(0, cells.length - n).some((c) => cleanText(c) !== '')) {
		// An unreadable cell among too many printed ones: whether it is the extra one or a figure's place is not known.
		warnings.push({
			code: 'rows_rejected',
			table,
			rows: [m.def.code],
			message: `${m.def.label}：有 ${cells.length} 个单元格，应有 ${n} 个，其中有无法识别的内容；无法确定各数属于哪一格，本行未读入`
		});
		return [];
	}
	if (cells.length > n && holdsAnotherRow(cells, n)) {
		warnings.push({
			code: 'rows_rejected',
			table,
			rows: [m.def.code],
			message: `${m.def.label}：有 ${cells.length} 个单元格，应有 ${n} 个；多出的数字够一整行，可能是相邻一行的标签丢失后并入了本行，无法确定哪些属于本行，本行未读入`
		});
		return [];
	}
	if (cells.length > n) {
		const dropped = cells.slice(0, cells.length - n).filter((c) => {
			const v = parseValueCell(c);
			return v && v.value !== null && v.value !== 0;
		});
		if (dropped.length) {
			warnings.push({ code: 'extra_cells', table, rows: [m.def.code], message: `${m.def.label}：多出的单元格（${dropped.map(cleanText).join('、')}）未读入` });
		}
		cells = cells.slice(cells.length - n);
	} else if (cells.length < n) {
		// Which cells are missing is not known: read by position, every figure after the gap would be in the wrong column.
		warnings.push({ code: 'rows_rejected', table, rows: [m.def.code], message: `${m.def.label}：只有 ${cells.length} 个单元格，应有 ${n} 个；无法确定缺的是哪几格，本行未读入` });
		return [];
	}
	const def = tableDef(format, table);
	const out: Figure[] = [];
	const lookalikes: string[] = [];
	cells.forEach((raw, i) => {
		const col = m.def.columns[i];
		const cell = parseValueCell(raw);
		if (cell?.state === 'stacked') {
			warnings.push({
				code: 'unreadable_cell',
				table,
				rows: [m.def.code],
				message: `${m.def.label}·${col}：一个单元格里有两个数字（${cleanText(raw)}），无法确定各属哪一行，未读入`
			});
			return;
		}
		if (!cell) {
			warnings.push({ code: 'unreadable_cell', table, rows: [m.def.code], message: `${m.def.label}·${col}：无法识别的内容“${cleanText(raw)}”` });
			return;
		}
		const column = def.columns.find((c) => c.code === col);
		if (isZeroLookalike(raw)) lookalikes.push(`${column?.label ?? col}“${cleanText(raw)}”`);
		const columnUnit = column?.unit;
		const { value, unit } = toColumnUnit(cell, columnUnit);
		out.push({ table_code: table, row_code: m.def.code, col_code: col, value, raw, unit });
	});
	warnZeroLookalikes(warnings, table, m.def, lookalikes, '个单元格', '读入');
	return out;
}

/** The fifteen figures of section 四: one row of 15, or three labelled rows of 5. */
function appealsFigures(rows: string[][], format: FormatVersion, warnings: Warning[], runTogether: boolean, wholeCells: boolean): Figure[] {
	const defs = tableDef(format, 'appeals').rows;
	const dataRows = rows.map((r) => splitRow(r, runTogether)).filter((r) => r.values.some(isValueToken) || (r.labels.length === 0 && r.values.length >= 5));
	const labelled = dataRows.filter((r) => r.values.length >= 5 && r.values.length < 15 && matchRow(r.labels, defs, 0) >= 0);
	const mapped: MappedRow[] = [];
	if (labelled.length >= 2) {
		for (const r of labelled) mapped.push({ def: defs[matchRow(r.labels, defs, 0)], cells: r.values, byPosition: false });
	} else if (runTogether && dataRows.flatMap((r) => r.values).filter((c) => cleanText(c) !== '').length < 15) {
		// The fifteen numbers ran together: cut them as three rows of five in one run. A row of fifteen
		// cells with blanks among them (OCR Markdown keeps empty cells) goes as printed, blanks and all.
		const all = dataRows.flatMap((r) => r.values);
		const run = dataRows.length === 1 && all.length === 15 && !wholeCells ? all : all.filter((c) => cleanText(c) !== '');
		const whole = reconstructTable('appeals', format, [{ def: { ...defs[0], columns: defs.flatMap((d) => d.columns) }, cells: run, byPosition: false }], warnings, {
			groups: [5, 5, 5],
			wholeCells
		});
		if (!whole) return [];
		defs.forEach((def, i) => mapped.push({ def, cells: whole[0].cells.slice(i * 5, i * 5 + 5), byPosition: false }));
		const note = warnings.find((w) => w.code === 'reconstructed' && w.table === 'appeals');
		if (note) note.rows = defs.map((d) => d.code);
	} else {
		const cells = dataRows.flatMap((r) => r.values);
		// Empty cells past the fifteenth at the end are padding (a row's end mark read as a cell), not its last figures.
		while (cells.length > 15 && cells[cells.length - 1].trim() === '') cells.pop();
		if (cells.length && cells.length < 15) {
			// Which are missing is not known: by position, every figure after the gap would be in the wrong column.
			warnings.push({
				code: 'table_rejected',
				table: 'appeals',
				message: `${TABLE_LABELS.appeals.zh}：只找到 ${cells.length} 个数字，应有 15 个；无法确定缺的是哪几格，本表未读入`
			});
			return [];
		}
		const take = cells.slice(cells.length - 15);
		defs.forEach((def, i) => {
			const part = take.slice(i * 5, i * 5 + 5);
			if (part.length) mapped.push({ def, cells: part, byPosition: false });
		});
	}
	const rowsToRead = runTogether && labelled.length >= 2 ? reconstructTable('appeals', format, mapped, warnings, { wholeCells }) : mapped;
	return (rowsToRead ?? []).flatMap((m) => figuresOf('appeals', format, m, warnings));
}

/**
 * `runTogether`: the document's cells may have lost their separators (crawler text, OCR, PDF).
 * `wholeCells`: but each figure is a cell of its own (a PDF's glyph runs): never cut inside one.
 */
export function extract(blocks: Block[], year: number | undefined, runTogether = false, wholeCells = false): Extraction {
	const sections = sectionRows(blocks);
	const { format, evidence } = detectFormat(sections, year);
	const warnings: Warning[] = [];
	const figures: Figure[] = [];
	const found: TableCode[] = [];
	const refused: RefusedRun[] = [];

	if (sections.active.length) {
		const defs = tableDef(format, 'active').rows;
		const mapped = mapRows('active', sections.active, defs, null, warnings, new Set(), runTogether);
		const rows = runTogether ? reconstructTable('active', format, mapped, warnings, { refusedRuns: refused, wholeCells, statements: proseStatements(format, blocks) }) : mapped;
		for (const m of rows ?? []) figures.push(...figuresOf('active', format, m, warnings));
		if (mapped.length) found.push('active');
	}
	if (sections.requests.length) {
		// A 2021 document may still print （六）其他处理 as one row: allow it, in its place.
		const defs = tableDef(format, 'requests').rows;
		const optional = new Set(format === '2021' ? ['other'] : []);
		const mapped = headWithoutSubRows(mapRows('requests', sections.requests, defs, /本年新收|新收/, warnings, optional, runTogether), warnings);
		const rows = runTogether ? reconstructTable('requests', format, mapped, warnings, { wholeCells }) : mapped;
		for (const m of rows ?? []) figures.push(...figuresOf('requests', format, m, warnings));
		if (mapped.length) found.push('requests');
	}
	if (sections.appeals.length) {
		const appeals = appealsFigures(sections.appeals, format, warnings, runTogether, wholeCells);
		figures.push(...appeals);
		if (appeals.length || warnings.some((w) => w.code === 'table_rejected' && w.table === 'appeals')) found.push('appeals');
	}
	for (const t of ['active', 'requests', 'appeals'] as TableCode[]) {
		if (!found.includes(t))
			warnings.push({ code: 'missing_section', table: t, message: `缺少第${TABLE_LABELS[t].section}部分“${TABLE_LABELS[t].zh}”的表格，其单元格留空（不记为 0）` });
	}
	// One figure per cell: a repeated row keeps the first occurrence.
	const seen = new Set<string>();
	const unique = figures.filter((f) => {
		const k = cellKey(f.table_code, f.row_code, f.col_code);
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
	warnMissingRows(format, found, unique, warnings);
	return { format, formatEvidence: evidence, figures: unique, warnings, sections: found, refused };
}

/**
 * （六）其他处理 read as a row of its own beside its sub-rows (1.… 2.… 3.其他) is, as printed in 2021,
 * the group's head over a sub-row whose own label was lost (a cell per line keeps the head in
 * front of each sub-row): its figures are that sub-row's, which one unknown. Only a document
 * that prints the group as one row, or a total above all three sub-rows, has figures of its own under the head.
 */
function headWithoutSubRows(mapped: MappedRow[], warnings: Warning[]): MappedRow[] {
	const head = mapped.find((m) => m.def.code === 'other');
	const subRows = new Set(mapped.filter((m) => m.def.code !== 'other' && m.def.group === 'other').map((m) => m.def.code));
	// With all three sub-rows read, a row of its own under the head is the group's printed total.
	if (!head || subRows.size === 0 || subRows.size === 3) return mapped;
	warnings.push({
		code: 'rows_rejected',
		table: 'requests',
		rows: ['other'],
		message: `（六）其他处理：表格按 1.—3. 子行印出，却缺一个子行，另有一行只有“其他处理”而没有子行标签（可能就是那个子行，其标签丢失），这一行未读入`
	});
	return mapped.filter((m) => m !== head);
}

/**
 * Rows of a table that was read but that gave no cell, and that no other warning names: the
 * document left them out (an agency without rule-making power drops 规章), or no reader could
 * tell them (a row whose figures and unit ran together). Their cells stay empty, not 0; the user is told
 * which, since the identities they belong to cannot be checked.
 */
/** Rows seen, by table. */
class RowSet {
	private byTable = new Map<string | undefined, Set<string>>();
	add(table: string | undefined, row: string) {
		const rows = this.byTable.get(table);
		if (rows) rows.add(row);
		else this.byTable.set(table, new Set([row]));
	}
	has(table: string, row: string): boolean {
		return this.byTable.get(table)?.has(row) === true;
	}
}

function warnMissingRows(format: FormatVersion, tables: TableCode[], figures: Figure[], warnings: Warning[]) {
	// Rows by table: a report has ~200 figures, and a key string built for each cost more than the rest.
	const present = new RowSet();
	for (const f of figures) present.add(f.table_code, f.row_code);
	const named = new RowSet();
	for (const w of warnings) for (const r of w.rows ?? []) named.add(w.table, r);
	for (const table of tables) {
		if (warnings.some((w) => w.code === 'table_rejected' && w.table === table)) continue;
		const defs = tableDef(format, table).rows;
		// 2021's （六）其他处理 is printed either as one row or as its three sub-rows: either form is the group.
		const otherGroup = format === '2021' && table === 'requests' ? defs.filter((d) => d.group === 'other') : [];
		const otherPrinted = otherGroup.some((d) => present.has(table, d.code));
		const missing = defs.filter((d) => {
			if (present.has(table, d.code) || named.has(table, d.code)) return false;
			return !(otherGroup.includes(d) && otherPrinted);
		});
		if (missing.length)
			warnings.push({
				code: 'rows_missing',
				table,
				rows: missing.map((d) => d.code),
				message: `${TABLE_LABELS[table].zh}：未读到以下 ${missing.length} 行（文件中没有，或其文字无法辨认），其单元格留空（不记为 0）：${missing.map((d) => d.label).join('、')}`
			});
	}
}
