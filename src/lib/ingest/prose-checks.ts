/**
 * The report's own words against its tables: sentences of 一、总体情况 state the key figures
 * (收到申请 81 件, 行政复议案件 2 件, 现行有效行政规范性文件 393 件) that the tables also hold. Each
 * statement found is a check of kind `text`: it passes when the stated number equals one of the
 * table figures its wording allows (and says which), fails when it equals none, and is unchecked
 * when the table does not hold the figure. Rules, not guesses: a sentence that names no measure
 * this file knows is left alone. Figures are never changed.
 */
import type { CheckResult } from '../schema/identities';
import { cellKey, type FormatVersion } from '../schema/report-format';
import type { Block } from './document';

/** A table figure a statement may mean: the cells it adds up and how to say it. */
interface Reading {
	label: string;
	cells: string[];
}

interface Statement {
	code: string;
	table: 'active' | 'requests' | 'appeals';
	/** Words that name the measure, then (after at most a few characters) the number and its unit. */
	re: RegExp;
	readings: (format: FormatVersion) => Reading[];
	/** The number is in 万元 (fees), and may have decimals. */
	money?: boolean;
	global?: RegExp;
	/** Words every match of `re` contains: a sentence without them is not tried (most sentences). */
	needs: string;
}

const req = (row: string, col = 'total') => cellKey('requests', row, col);
const rowsOf = (prefix: string, format: FormatVersion): string[] => {
	const denied = ['denied_secret', 'denied_law', 'denied_safety', 'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query'];
	const groups: Record<string, string[]> = {
		denied,
		unable: ['unable_not_held', 'unable_create', 'unable_unclear'],
		rejected: ['rejected_petition', 'rejected_repeat', 'rejected_publication', 'rejected_excessive', 'rejected_confirm'],
		other: format === '2021' ? ['other_no_fix', 'other_no_fee', 'other_misc'] : ['other']
	};
	return groups[prefix].map((r) => req(r));
};
// A count of applications or cases: 件 / 份 / 宗 / 起 (条 counts pieces of information, not applications),
// not a duration (7个工作日).
const NUM = String.raw`(\d+)\s*(?:件|份|宗|起)(?!工作日|日|天|月|年)`;
// Documents and decisions are also counted in 项 / 个 / 条.
// An outcome is counted in applications only: 件.
const CASES = String.raw`(\d+)\s*件(?!工作日|日|天|月|年)`;
const COUNT = String.raw`(\d+)\s*(?:件|份|项|个|条|宗|起)(?!工作日|日|天|月|年)`;
// Between the words and the number: no sentence or clause break, no other number.
const GAP = String.raw`[^，。；,;：:\d]{0,30}?`;
const NEAR = String.raw`[^，。；,;：:、\d]{0,8}?`;

const NEW: Reading = { label: '本年新收', cells: [req('new')] };
const NEW_AND_CARRIED: Reading = { label: '本年新收 + 上年结转', cells: [req('new'), req('carried_in')] };
const HANDLED: Reading = { label: '办理结果总计', cells: [req('total')] };

const DECISION_WORDS = { license: '行政许可', penalty: '行政处罚', coercion: '行政强制' } as const;

/** 行政许可处理决定 N 件 (and 行政处罚, 行政强制): the decisions row of the proactive table. */
function decisions(row: keyof typeof DECISION_WORDS): Statement {
	const word = DECISION_WORDS[row];
	return {
		code: `text.active.${row}`,
		needs: word,
		table: 'active',
		re: new RegExp(String.raw`${word}(?:处理)?决定${NEAR}${COUNT}`),
		readings: () => [{ label: `${word}处理决定`, cells: [cellKey('active', row, 'decisions')] }]
	};
}

const STATEMENTS: Statement[] = [
	// 申请共计 N 件（含上年结转 M 件） is handled by the two statements below, one number each.
	{
		code: 'text.requests.received',
		needs: '申请',
		table: 'requests',
		re: new RegExp(String.raw`(?:收到|接收|新收|共收|收悉)${GAP}申请${GAP}(?:共计|共|合计|总计)?\s*${NUM}`),
		readings: () => [NEW, NEW_AND_CARRIED]
	},
	{
		code: 'text.requests.handled',
		needs: '申请',
		table: 'requests',
		re: new RegExp(String.raw`(?:受理|办理|办结|处理|答复)${GAP}(?:申请|依申请公开)${GAP}(?:共计|共|合计|总计)?\s*${NUM}`),
		readings: () => [NEW, NEW_AND_CARRIED, HANDLED]
	},
	{
		code: 'text.requests.carried_in',
		needs: '结转',
		table: 'requests',
		re: new RegExp(String.raw`上年(?:度)?结转${NEAR}${NUM}`),
		readings: () => [{ label: '上年结转', cells: [req('carried_in')] }]
	},
	{
		code: 'text.requests.carried_out',
		needs: '结转',
		table: 'requests',
		re: new RegExp(String.raw`结转(?:至)?下(?:一)?年度${NEAR}${NUM}`),
		readings: () => [{ label: '结转下年度', cells: [req('carried_out')] }]
	},
	{
		code: 'text.requests.natural',
		needs: '自然人',
		table: 'requests',
		re: new RegExp(String.raw`自然人${NEAR}${NUM}`),
		readings: () => [
			{ label: '自然人本年新收', cells: [req('new', 'natural')] },
			{ label: '自然人新收 + 上年结转', cells: [req('new', 'natural'), req('carried_in', 'natural')] }
		]
	},
	{
		code: 'text.requests.granted_partial',
		needs: '部分公开',
		table: 'requests',
		re: new RegExp(String.raw`予以公开(?:和|及|与|、|\+|＋)部分公开${NEAR}${CASES}`),
		readings: () => [{ label: '予以公开 + 部分公开', cells: [req('granted'), req('partial')] }]
	},
	{
		code: 'text.requests.granted',
		needs: '予以公开',
		table: 'requests',
		re: new RegExp(String.raw`(?<!不)予以公开(?![和及与、+＋]部分)${NEAR}${CASES}`),
		readings: () => [{ label: '予以公开', cells: [req('granted')] }]
	},
	{
		code: 'text.requests.partial',
		needs: '部分公开',
		table: 'requests',
		re: new RegExp(String.raw`(?<![和及与、+＋])部分公开${NEAR}${CASES}`),
		readings: () => [{ label: '部分公开', cells: [req('partial')] }]
	},
	{
		code: 'text.requests.denied',
		needs: '不予公开',
		table: 'requests',
		re: new RegExp(String.raw`(?<![及和与、])不予公开${NEAR}${CASES}`),
		readings: (f) => [{ label: '不予公开（八项之和）', cells: rowsOf('denied', f) }]
	},
	{
		code: 'text.requests.unable',
		needs: '无法提供',
		table: 'requests',
		re: new RegExp(String.raw`无法提供${NEAR}${CASES}`),
		readings: (f) => [{ label: '无法提供（三项之和）', cells: rowsOf('unable', f) }]
	},
	{
		code: 'text.requests.rejected',
		needs: '不予处理',
		table: 'requests',
		re: new RegExp(String.raw`不予处理${NEAR}${CASES}`),
		readings: (f) => [{ label: '不予处理（五项之和）', cells: rowsOf('rejected', f) }]
	},
	{
		code: 'text.requests.other',
		table: 'requests',
		needs: '其他处理',
		re: new RegExp(String.raw`其他处理${NEAR}${CASES}`),
		readings: (f) => [{ label: '其他处理', cells: rowsOf('other', f) }]
	},
	{
		code: 'text.appeals.review',
		needs: '行政复议',
		table: 'appeals',
		re: new RegExp(String.raw`行政复议(?:案件|申请)?${NEAR}${NUM}`),
		readings: () => [{ label: '行政复议总计', cells: [cellKey('appeals', 'review', 'total')] }]
	},
	{
		code: 'text.appeals.suits',
		needs: '行政诉讼',
		table: 'appeals',
		re: new RegExp(String.raw`行政诉讼(?:案件)?${NEAR}${NUM}`),
		readings: () => [
			{ label: '行政诉讼总计（直接起诉 + 复议后起诉）', cells: [cellKey('appeals', 'suit_direct', 'total'), cellKey('appeals', 'suit_after_review', 'total')] },
			{ label: '未经复议直接起诉', cells: [cellKey('appeals', 'suit_direct', 'total')] }
		]
	},
	{
		code: 'text.active.normative_issued',
		needs: '规范性文件',
		table: 'active',
		re: new RegExp(String.raw`(?:制发|印发|出台|制定|新制作)${GAP}规范性文件${GAP}${COUNT}`),
		readings: (f) => [{ label: f === '2021' ? '行政规范性文件本年制发' : '规范性文件本年新制作', cells: [cellKey('active', 'normative', f === '2021' ? 'issued' : 'made')] }]
	},
	{
		code: 'text.active.normative_repealed',
		needs: '规范性文件',
		table: 'active',
		re: new RegExp(String.raw`废止${GAP}规范性文件${GAP}${COUNT}`),
		readings: (f) => (f === '2021' ? [{ label: '行政规范性文件本年废止', cells: [cellKey('active', 'normative', 'repealed')] }] : [])
	},
	{
		code: 'text.active.normative_in_force',
		needs: '规范性文件',
		table: 'active',
		re: new RegExp(String.raw`现行有效${GAP}规范性文件${GAP}${COUNT}`),
		readings: (f) => [
			{ label: f === '2021' ? '行政规范性文件现行有效' : '规范性文件对外公开总数', cells: [cellKey('active', 'normative', f === '2021' ? 'in_force' : 'public_total')] }
		]
	},
	...(['license', 'penalty', 'coercion'] as const).map(decisions),
	{
		code: 'text.active.fees',
		needs: '行政事业性收费',
		table: 'active',
		re: new RegExp(String.raw`行政事业性收费${GAP}(\d+(?:\.\d+)?)\s*万元`),
		readings: (f) => (f === '2021' ? [{ label: '行政事业性收费金额（万元）', cells: [cellKey('active', 'fees', 'amount_wan')] }] : []),
		money: true
	}
];

// Each rule's pattern, compiled once for matchAll.
for (const st of STATEMENTS) {
	st.global = new RegExp(st.re.source, 'g');
	// Not a proof that every match holds it (the word must not sit in an optional part), but a guard against a typo.
	if (!st.re.source.includes(st.needs)) throw new Error(`prose-checks: no required words for ${st.code}`);
}

const FULL_WIDTH = /[\uff10-\uff19\uff0e]/g;

/** Prose as compared: half-width digits, no spaces around numbers, no thousands separators. */
export function normalizeProse(text: string): string {
	return text
		.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
		.replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
		.replace(/(?<=\d)[\s\u00a0\u3000]+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[\s\u00a0\u3000]+(?=\d)/g, '');
}

const TABLES_START = /^\s*[二三四]\s*[、.．]\s*(主动公开|收到和处理)/;

/** A line that ends where a sentence or a heading ends (a PDF wraps sentences over lines; a heading has no full stop). */
const ENDS = /[。；;！!？?：:]\s*$|^\s*[（(]?[一二三四五六七八九十]+[)）、.．]\S{0,16}\s*$/;

/** The sentences before the tables (一、总体情况 and the introduction), lines wrapped mid-sentence joined. */
export function proseSentences(blocks: Block[]): string[] {
	let text = '';
	for (const b of blocks) {
		if (b.kind !== 'text') continue;
		if (TABLES_START.test(b.text)) break;
		const line = normalizeProse(b.text).trim();
		text += ENDS.test(line) ? `${line}\n` : line;
	}
	return text
		.split(/(?<=[。；;！!？?])|\n/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Every statement ends in a count or an amount with its unit: a sentence without one states none. */
const STATES_A_NUMBER = /\d\s*(?:件|份|宗|起|项|个|条|万元)/;
const quote = (s: string) => (s.length > 140 ? `${s.slice(0, 137)}…` : s);
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A number the report's words state, and the table figures it may mean. */
export interface ProseStatement {
	code: string;
	table: Statement['table'];
	sentence: string;
	stated: number;
	readings: Reading[];
	money: boolean;
}

/** Every statement of a measure the tables hold, in the order the words state them. */
export function proseStatements(format: FormatVersion, blocks: Block[]): ProseStatement[] {
	const out: ProseStatement[] = [];
	for (const sentence of proseSentences(blocks)) {
		if (!STATES_A_NUMBER.test(sentence)) continue;
		// Each number is one statement (行政复议案件2件、行政诉讼案件7件 holds two), read by the first rule that names it.
		const taken = new Set<number>();
		for (const st of STATEMENTS) {
			if (!sentence.includes(st.needs)) continue;
			for (const m of sentence.matchAll(st.global!)) {
				const at = m.index! + m[0].length;
				if (taken.has(at)) continue;
				const readings = st.readings(format);
				if (!readings.length) continue;
				taken.add(at);
				out.push({ code: st.code, table: st.table, sentence, stated: Number(m[1]), readings, money: !!st.money });
			}
		}
	}
	return out;
}

/** Every statement of a measure the tables hold, checked against them. */
export function textChecks(format: FormatVersion, blocks: Block[], values: Map<string, number | null>): CheckResult[] {
	const seen = new Map<string, number>();
	return proseStatements(format, blocks).map(({ code, table, sentence, stated, readings, money }) => {
		const sums = readings.map((r) => {
			const cells = r.cells.map((k) => values.get(k));
			return { r, complete: cells.every((v) => v !== undefined), sum: round(cells.reduce<number>((s, v) => s + (v ?? 0), 0)) };
		});
		const complete = sums.filter((s) => s.complete);
		const match = complete.find((s) => s.sum === round(stated));
		const n = (seen.get(code) ?? 0) + 1;
		seen.set(code, n);
		const first = match ?? complete[0];
		return {
			check_code: n > 1 ? `${code}.${n}` : code,
			kind: 'text',
			table_code: table,
			rule: 'text',
			passed: complete.length === 0 ? null : !!match,
			expected: first ? first.sum : null,
			actual: stated,
			cells: (match ?? first ?? sums[0]).r.cells,
			blank_cells: (match ?? first ?? sums[0]).r.cells.filter((k) => values.get(k) === null),
			missing_cells: complete.length === 0 ? sums[0].r.cells.filter((k) => !values.has(k)) : [],
			message:
				complete.length === 0
					? `“${quote(sentence)}”：文中 ${stated}${money ? ' 万元' : ''}，表中没有可核对的数字`
					: match
						? `“${quote(sentence)}”：文中 ${stated} = 表中${match.r.label} ${match.sum}`
						: `“${quote(sentence)}”：文中 ${stated} ≠ 表中${complete.map((s) => `${s.r.label} ${s.sum}`).join('、')}`
		};
	});
}
