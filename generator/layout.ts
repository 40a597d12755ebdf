/**
 * The standard tables of a report as printed: rows of cells with their spans, for each format.
 * Renderers (Word text dump, web page, .docx) turn this one layout into their own form, so the
 * three forms always print the same figures.
 */
import { cellKey, tableDef, type TableCode } from '../src/lib/schema/report-format';
import type { Rng } from './rng';
import { rowWording } from './wordings';
import type { Mess, ReportSpec } from './spec';

export interface LayoutCell {
	text: string;
	rowspan?: number;
	colspan?: number;
	kind: 'header' | 'label' | 'value';
	/** Header text split over two lines in a Word dump (本年新 / 制作数量). */
	split?: [string, string];
}

export type LayoutRow = LayoutCell[];

export interface LayoutTable {
	table: TableCode;
	/** Total columns of the grid. */
	width: number;
	rows: LayoutRow[];
}

const FULL = '０１２３４５６７８９';

export function formatValue(v: number | null | undefined, rng: Rng, mess: Mess, money?: 'yuan' | 'wan'): string {
	if (v === null || v === undefined) return mess.blankAsMarker && rng.chance(mess.blankAsMarker) ? rng.pick(['—', '-', '无', '/']) : '';
	let s: string;
	if (money && mess.moneyUnits && rng.chance(0.6)) {
		s = money === 'wan' && rng.chance(0.5) && Number.isInteger(v * 10000) ? `${Math.round(v * 10000)}元` : `${v}万元`;
	} else {
		s = String(v);
		if (Math.abs(v) >= 1000 && Number.isInteger(v) && rng.chance(0.5)) s = v.toLocaleString('en-US');
	}
	if (rng.chance(mess.fullWidth)) s = s.replace(/\d/g, (d) => FULL[Number(d)]);
	if (rng.chance(mess.nbsp)) s = rng.chance(0.5) ? `\u00a0${s}` : `${s}\u00a0`;
	return s;
}

function header(text: string, extra: Partial<LayoutCell> = {}): LayoutCell {
	return { text, kind: 'header', ...extra };
}
function label(text: string, extra: Partial<LayoutCell> = {}): LayoutCell {
	return { text, kind: 'label', ...extra };
}

function splitHeader(text: string, mess: Mess): Partial<LayoutCell> {
	if (!mess.splitHeaders || text.length < 6) return {};
	const at = Math.ceil(text.length / 2) - 1;
	return { split: [text.slice(0, at), text.slice(at)] };
}

function activeTable(spec: ReportSpec, rng: Rng, mess: Mess): LayoutTable {
	const def = tableDef(spec.format, 'active');
	const width = 4;
	const rows: LayoutRow[] = [];
	const groups: { item: string; rows: string[] }[] =
		spec.format === '2019'
			? [
					{ item: '第二十条第（一）项', rows: ['rules', 'normative'] },
					{ item: '第二十条第（五）项', rows: ['license', 'other_service'] },
					{ item: '第二十条第（六）项', rows: ['penalty', 'coercion'] },
					{ item: '第二十条第（八）项', rows: ['fees'] },
					{ item: '第二十条第（九）项', rows: ['procurement'] }
				]
			: [
					{ item: '第二十条第（一）项', rows: ['rules', 'normative'] },
					{ item: '第二十条第（五）项', rows: ['license'] },
					{ item: '第二十条第（六）项', rows: ['penalty', 'coercion'] },
					{ item: '第二十条第（八）项', rows: ['fees'] }
				];
	for (const g of groups) {
		const first = def.rows.find((r) => r.code === g.rows[0])!;
		const cols = first.columns.map((c) => def.columns.find((x) => x.code === c)!);
		const span = width - cols.length; // the last header/value cell takes up the rest of the grid
		rows.push([header(g.item, { colspan: width })]);
		rows.push([header('信息内容'), ...cols.map((c, i) => header(c.label, { ...splitHeader(c.label, mess), colspan: i === cols.length - 1 && span > 1 ? span : undefined }))]);
		for (const code of g.rows) {
			const r = def.rows.find((x) => x.code === code)!;
			rows.push([
				label(r.label),
				...r.columns.map((c, i) => ({
					text: formatValue(spec.figures.get(cellKey('active', code, c)), rng, mess, c === 'amount' ? 'yuan' : c === 'amount_wan' ? 'wan' : undefined),
					kind: 'value' as const,
					colspan: i === r.columns.length - 1 && span > 1 ? span : undefined
				}))
			]);
		}
	}
	return { table: 'active', width, rows };
}

function requestsTable(spec: ReportSpec, rng: Rng, mess: Mess): LayoutTable {
	const def = tableDef(spec.format, 'requests');
	const values = (row: string): LayoutCell[] => def.columns.map((c) => ({ text: formatValue(spec.figures.get(cellKey('requests', row, c.code)), rng, mess), kind: 'value' }));
	const word = (code: string) => rowWording(code, rng, mess.labelDrift);
	const oneOther = spec.format === '2019' || spec.otherAsOneRow;
	const resultRows = 2 + 8 + 3 + 5 + (oneOther ? 1 : 3) + 1;
	const drop = mess.dropOutcomeLabels;
	const lbl = (text: string, extra: Partial<LayoutCell> = {}, lost = false) => label(lost ? '' : text, extra);
	const rows: LayoutRow[] = [
		[header('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowspan: 3, colspan: 3 }), header('申请人情况', { colspan: 7 })],
		[header('自然人', { rowspan: 2 }), header('法人或其他组织', { colspan: 5 }), header('总计', { rowspan: 2 })],
		[header('商业企业'), header('科研机构'), header('社会公益组织'), header('法律服务机构'), header('其他')],
		[label(word('new'), { colspan: 3 }), ...values('new')],
		[label(word('carried_in'), { colspan: 3 }), ...values('carried_in')],
		[label('三、本年度办理结果', { rowspan: resultRows }), lbl(word('granted'), { colspan: 2 }, drop), ...values('granted')],
		[lbl(word('partial'), { colspan: 2 }, drop), ...values('partial')]
	];
	const group = (title: string, codes: string[], lost = false) =>
		codes.forEach((code, i) => {
			const row: LayoutRow = [];
			if (i === 0) row.push(lbl(title, { rowspan: codes.length }, lost));
			row.push(lbl(word(code), {}, lost), ...values(code));
			rows.push(row);
		});
	group('（三）不予公开', ['denied_secret', 'denied_law', 'denied_safety', 'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query'], drop);
	group('（四）无法提供', ['unable_not_held', 'unable_create', 'unable_unclear']);
	group('（五）不予处理', ['rejected_petition', 'rejected_repeat', 'rejected_publication', 'rejected_excessive', 'rejected_confirm']);
	if (oneOther) rows.push([label(word('other'), { colspan: 2 }), ...values('other')]);
	else group('（六）其他处理', ['other_no_fix', 'other_no_fee', 'other_misc']);
	rows.push([label(word('total'), { colspan: 2 }), ...values('total')]);
	rows.push([label(word('carried_out'), { colspan: 3 }), ...values('carried_out')]);
	return { table: 'requests', width: 10, rows };
}

function appealsTable(spec: ReportSpec, rng: Rng, mess: Mess): LayoutTable {
	const def = tableDef(spec.format, 'appeals');
	const heads = def.columns.map((c) => c.label);
	const values: LayoutCell[] = def.rows.flatMap((r) =>
		def.columns.map((c) => ({ text: formatValue(spec.figures.get(cellKey('appeals', r.code, c.code)), rng, mess), kind: 'value' as const }))
	);
	return {
		table: 'appeals',
		width: 15,
		rows: [
			[header('行政复议', { colspan: 5 }), header('行政诉讼', { colspan: 10 })],
			[...heads.map((h) => header(h, { rowspan: 2 })), header('未经复议直接起诉', { colspan: 5 }), header('复议后起诉', { colspan: 5 })],
			[...heads.map((h) => header(h)), ...heads.map((h) => header(h))],
			values
		]
	};
}

export const SECTION_HEADINGS: Record<TableCode, string> = {
	active: '二、主动公开政府信息情况',
	requests: '三、收到和处理政府信息公开申请情况',
	appeals: '四、政府信息公开行政复议、行政诉讼情况'
};

export function layoutTables(spec: ReportSpec, rng: Rng, mess: Mess): LayoutTable[] {
	return [activeTable(spec, rng, mess), requestsTable(spec, rng, mess), appealsTable(spec, rng, mess)];
}
