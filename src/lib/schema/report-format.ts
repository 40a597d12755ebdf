/**
 * The annual report format (政府信息公开工作年度报告) as data: the codes of the data contract
 * (see README "Data contract"), their labels as printed in documents, and the keywords used to
 * recognise a row or column label in a real document. Shared by ingest (Node) and the browser;
 * it must stay free of Node and browser APIs.
 */

export type FormatVersion = '2019' | '2021';

export type TableCode = 'active' | 'requests' | 'appeals';
export const TABLE_CODES: readonly TableCode[] = ['active', 'requests', 'appeals'];

export const TABLE_LABELS: Record<TableCode, { zh: string; en: string; section: string }> = {
	active: { zh: '主动公开政府信息情况', en: 'Proactive disclosure', section: '二' },
	requests: { zh: '收到和处理政府信息公开申请情况', en: 'Disclosure applications', section: '三' },
	appeals: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Reviews and lawsuits', section: '四' }
};

export interface ColumnDef {
	code: string;
	label: string;
	en: string;
	/** Unit of the stored value when the column has one (money). */
	unit?: '万元';
}

export interface RowDef {
	code: string;
	label: string;
	en: string;
	/** Substrings that identify this row's own label cell (most specific first). */
	keywords: string[];
	/** Column codes of this row, in document order. */
	columns: string[];
	/** Group the row belongs to (outcome family for requests rows). */
	group?: string;
}

export interface TableDef {
	code: TableCode;
	columns: ColumnDef[];
	rows: RowDef[];
}

// ---------------------------------------------------------------- section 二 (active)
const PUBLISHED_COLS = ['made', 'published', 'public_total'];
const ITEM_COLS = ['prev_items', 'change', 'decisions'];

const ACTIVE_2019: TableDef = {
	code: 'active',
	columns: [
		{ code: 'made', label: '本年新制作数量', en: 'Made this year' },
		{ code: 'published', label: '本年新公开数量', en: 'Published this year' },
		{ code: 'public_total', label: '对外公开总数量', en: 'Public in total' },
		{ code: 'prev_items', label: '上一年项目数量', en: 'Items last year' },
		{ code: 'change', label: '本年增/减', en: 'Change this year' },
		{ code: 'decisions', label: '处理决定数量', en: 'Decisions' },
		{ code: 'items', label: '采购项目数量', en: 'Procurement items' },
		{ code: 'amount', label: '采购总金额', en: 'Procurement amount' }
	],
	rows: [
		{ code: 'rules', label: '规章', en: 'Rules', keywords: ['规章'], columns: PUBLISHED_COLS },
		{ code: 'normative', label: '规范性文件', en: 'Normative documents', keywords: ['规范性文件'], columns: PUBLISHED_COLS },
		{ code: 'license', label: '行政许可', en: 'Administrative licences', keywords: ['行政许可'], columns: ITEM_COLS },
		{ code: 'other_service', label: '其他对外管理服务事项', en: 'Other public services', keywords: ['其他对外管理服务', '对外管理服务'], columns: ITEM_COLS },
		{ code: 'penalty', label: '行政处罚', en: 'Administrative penalties', keywords: ['行政处罚'], columns: ITEM_COLS },
		{ code: 'coercion', label: '行政强制', en: 'Administrative coercion', keywords: ['行政强制'], columns: ITEM_COLS },
		{ code: 'fees', label: '行政事业性收费', en: 'Administrative fees', keywords: ['行政事业性收费', '事业性收费'], columns: ['prev_items', 'change'] },
		{ code: 'procurement', label: '政府集中采购', en: 'Central procurement', keywords: ['政府集中采购', '集中采购'], columns: ['items', 'amount'] }
	]
};

const ACTIVE_2021: TableDef = {
	code: 'active',
	columns: [
		{ code: 'issued', label: '本年制发件数', en: 'Issued this year' },
		{ code: 'repealed', label: '本年废止件数', en: 'Repealed this year' },
		{ code: 'in_force', label: '现行有效件数', en: 'In force' },
		{ code: 'decisions', label: '本年处理决定数量', en: 'Decisions this year' },
		{ code: 'amount_wan', label: '本年收费金额（单位：万元）', en: 'Fees collected (10k yuan)', unit: '万元' }
	],
	rows: [
		{ code: 'rules', label: '规章', en: 'Rules', keywords: ['规章'], columns: ['issued', 'repealed', 'in_force'] },
		{ code: 'normative', label: '行政规范性文件', en: 'Normative documents', keywords: ['规范性文件'], columns: ['issued', 'repealed', 'in_force'] },
		{ code: 'license', label: '行政许可', en: 'Administrative licences', keywords: ['行政许可'], columns: ['decisions'] },
		{ code: 'penalty', label: '行政处罚', en: 'Administrative penalties', keywords: ['行政处罚'], columns: ['decisions'] },
		{ code: 'coercion', label: '行政强制', en: 'Administrative coercion', keywords: ['行政强制'], columns: ['decisions'] },
		{ code: 'fees', label: '行政事业性收费', en: 'Administrative fees', keywords: ['行政事业性收费', '事业性收费'], columns: ['amount_wan'] }
	]
};

// ---------------------------------------------------------------- section 三 (requests)
export const APPLICANT_COLUMNS: ColumnDef[] = [
	{ code: 'natural', label: '自然人', en: 'Natural persons' },
	{ code: 'commercial', label: '商业企业', en: 'Businesses' },
	{ code: 'research', label: '科研机构', en: 'Research institutions' },
	{ code: 'social', label: '社会公益组织', en: 'Public-interest organisations' },
	{ code: 'legal', label: '法律服务机构', en: 'Legal service providers' },
	{ code: 'other_org', label: '其他', en: 'Other organisations' },
	{ code: 'total', label: '总计', en: 'Total' }
];
const APPLICANT_CODES = APPLICANT_COLUMNS.map((c) => c.code);

function requestRow(code: string, label: string, en: string, keywords: string[], group?: string): RowDef {
	return { code, label, en, keywords, columns: APPLICANT_CODES, group };
}

const REQUEST_ROWS_HEAD: RowDef[] = [
	requestRow('new', '一、本年新收政府信息公开申请数量', 'New applications', ['本年新收', '新收']),
	requestRow('carried_in', '二、上年结转政府信息公开申请数量', 'Carried in from last year', ['上年结转']),
	requestRow('granted', '（一）予以公开', 'Granted', ['予以公开'], 'granted'),
	requestRow('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partly granted', ['部分公开'], 'partial'),
	requestRow('denied_secret', '1.属于国家秘密', 'Denied: state secret', ['国家秘密'], 'denied'),
	requestRow('denied_law', '2.其他法律行政法规禁止公开', 'Denied: other law forbids', ['法律行政法规禁止', '禁止公开'], 'denied'),
	requestRow('denied_safety', '3.危及“三安全一稳定”', 'Denied: security and stability', ['三安全一稳定', '危及'], 'denied'),
	requestRow('denied_third_party', '4.保护第三方合法权益', 'Denied: third-party rights', ['第三方合法权益', '第三方'], 'denied'),
	requestRow('denied_internal', '5.属于三类内部事务信息', 'Denied: internal affairs', ['内部事务'], 'denied'),
	requestRow('denied_process', '6.属于四类过程性信息', 'Denied: process information', ['过程性信息', '过程性'], 'denied'),
	requestRow('denied_enforcement', '7.属于行政执法案卷', 'Denied: enforcement files', ['行政执法案卷', '执法案卷'], 'denied'),
	requestRow('denied_query', '8.属于行政查询事项', 'Denied: administrative query', ['行政查询事项', '行政查询'], 'denied'),
	requestRow('unable_not_held', '1.本机关不掌握相关政府信息', 'Unable: not held', ['不掌握'], 'unable'),
	requestRow('unable_create', '2.没有现成信息需要另行制作', 'Unable: would need creating', ['另行制作', '没有现成信息'], 'unable'),
	requestRow('unable_unclear', '3.补正后申请内容仍不明确', 'Unable: still unclear', ['仍不明确', '补正后'], 'unable'),
	requestRow('rejected_petition', '1.信访举报投诉类申请', 'Not processed: petitions', ['信访举报投诉', '信访'], 'rejected'),
	requestRow('rejected_repeat', '2.重复申请', 'Not processed: repeated', ['重复申请'], 'rejected'),
	requestRow('rejected_publication', '3.要求提供公开出版物', 'Not processed: publications', ['公开出版物'], 'rejected'),
	requestRow('rejected_excessive', '4.无正当理由大量反复申请', 'Not processed: excessive', ['大量反复'], 'rejected'),
	requestRow('rejected_confirm', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: confirm held information', ['确认或重新出具', '重新出具'], 'rejected')
];
const REQUEST_ROWS_TAIL: RowDef[] = [
	requestRow('total', '（七）总计', 'Total handled', ['总计']),
	requestRow('carried_out', '四、结转下年度继续办理', 'Carried over to next year', ['结转下年度', '继续办理'])
];

const OTHER_ROW = requestRow('other', '（六）其他处理', 'Other handling', ['其他处理'], 'other');

const REQUESTS_2019: TableDef = {
	code: 'requests',
	columns: APPLICANT_COLUMNS,
	rows: [...REQUEST_ROWS_HEAD, OTHER_ROW, ...REQUEST_ROWS_TAIL]
};

/** In 2021 the （六）其他处理 row is a group of three; `other` is printed only by documents
 * that still use one row, otherwise it is the sum of the three (see identities). */
const REQUESTS_2021: TableDef = {
	code: 'requests',
	columns: APPLICANT_COLUMNS,
	rows: [
		...REQUEST_ROWS_HEAD,
		OTHER_ROW,
		requestRow('other_no_fix', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Other: applicant did not complete', ['逾期不补正', '不补正'], 'other'),
		requestRow('other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Other: fee not paid', ['缴纳费用', '收费通知'], 'other'),
		requestRow('other_misc', '3.其他', 'Other: miscellaneous', ['其他'], 'other'),
		...REQUEST_ROWS_TAIL
	]
};

// ---------------------------------------------------------------- section 四 (appeals)
export const APPEAL_COLUMNS: ColumnDef[] = [
	{ code: 'upheld', label: '结果维持', en: 'Upheld' },
	{ code: 'corrected', label: '结果纠正', en: 'Corrected' },
	{ code: 'other', label: '其他结果', en: 'Other result' },
	{ code: 'pending', label: '尚未审结', en: 'Pending' },
	{ code: 'total', label: '总计', en: 'Total' }
];
const APPEAL_CODES = APPEAL_COLUMNS.map((c) => c.code);

const APPEALS: TableDef = {
	code: 'appeals',
	columns: APPEAL_COLUMNS,
	rows: [
		{ code: 'review', label: '行政复议', en: 'Administrative review', keywords: ['行政复议'], columns: APPEAL_CODES },
		{ code: 'suit_direct', label: '行政诉讼·未经复议直接起诉', en: 'Lawsuit without review', keywords: ['未经复议', '直接起诉'], columns: APPEAL_CODES },
		{ code: 'suit_after_review', label: '行政诉讼·复议后起诉', en: 'Lawsuit after review', keywords: ['复议后起诉'], columns: APPEAL_CODES }
	]
};

export const FORMATS: Record<FormatVersion, Record<TableCode, TableDef>> = {
	'2019': { active: ACTIVE_2019, requests: REQUESTS_2019, appeals: APPEALS },
	'2021': { active: ACTIVE_2021, requests: REQUESTS_2021, appeals: APPEALS }
};

export const FORMAT_DOCUMENTS: Record<FormatVersion, { setBy: string; years: string }> = {
	'2019': { setBy: '国办公开办函〔2019〕60号', years: '2019–2020' },
	'2021': { setBy: '国办公开办函〔2021〕30号', years: '2021–' }
};

export function tableDef(format: FormatVersion, table: TableCode): TableDef {
	return FORMATS[format][table];
}

export function rowDef(format: FormatVersion, table: TableCode, row: string): RowDef | undefined {
	return FORMATS[format][table].rows.find((r) => r.code === row);
}

export function columnDef(format: FormatVersion, table: TableCode, col: string): ColumnDef | undefined {
	return FORMATS[format][table].columns.find((c) => c.code === col);
}

/** Every (table,row,col) cell a format defines, in document order. */
export function cellsOf(format: FormatVersion): { table: TableCode; row: string; col: string }[] {
	const out: { table: TableCode; row: string; col: string }[] = [];
	for (const table of TABLE_CODES) {
		for (const row of FORMATS[format][table].rows) for (const col of row.columns) out.push({ table, row: row.code, col });
	}
	return out;
}

const cellKeys = new Map<string, Map<string, Map<string, string>>>();

/**
 * Cell key used in maps and in check descriptions: `requests.new.total`. The same key is always
 * the same string instance, so map lookups reuse its hash (checks look up ~1,000 keys a report).
 */
export function cellKey(table: string, row: string, col: string): string {
	const byRow = cellKeys.get(table) ?? new Map<string, Map<string, string>>();
	const byCol = byRow.get(row) ?? new Map<string, string>();
	let key = byCol.get(col);
	if (key === undefined) {
		key = `${table}.${row}.${col}`;
		// Bounded: codes come from the schema, but a caller may pass anything.
		if (cellKeys.size < 16 && byRow.size < 256 && byCol.size < 64) {
			byCol.set(col, key);
			byRow.set(row, byCol);
			cellKeys.set(table, byRow);
		}
	}
	return key;
}

export const REQUEST_OUTCOME_GROUPS = ['granted', 'partial', 'denied', 'unable', 'rejected', 'other'] as const;
export type OutcomeGroup = (typeof REQUEST_OUTCOME_GROUPS)[number];
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, { zh: string; en: string }> = {
	granted: { zh: '予以公开', en: 'Granted' },
	partial: { zh: '部分公开', en: 'Partly granted' },
	denied: { zh: '不予公开', en: 'Denied' },
	unable: { zh: '无法提供', en: 'Unable to provide' },
	rejected: { zh: '不予处理', en: 'Not processed' },
	other: { zh: '其他处理', en: 'Other handling' }
};

/** Outcome rows (excluding `other` sub-rows) whose sum is the total of results. */
export function outcomeRows(format: FormatVersion): RowDef[] {
	return FORMATS[format].requests.rows.filter((r) => r.group && !(format === '2021' && r.code.startsWith('other_')));
}
