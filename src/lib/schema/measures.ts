/**
 * Quantities (per report, from its figures) and the measures analysts use, with how each is
 * computed, for display next to every figure. The browser builds its SQL from these definitions.
 */
import { APPLICANT_COLUMNS, type TableCode } from './report-format';

export interface Term {
	table: TableCode;
	row: string;
	col: string;
}

export interface Quantity {
	code: string;
	zh: string;
	en: string;
	/** Summed cells. */
	terms: Term[];
	/** Used when none of `terms` is printed (2021's 其他处理 printed as three rows). */
	fallback?: Term[];
}

const req = (row: string, col = 'total'): Term => ({ table: 'requests', row, col });
const app = (row: string, col: string): Term => ({ table: 'appeals', row, col });

const DENIED = ['denied_secret', 'denied_law', 'denied_safety', 'denied_third_party', 'denied_internal', 'denied_process', 'denied_enforcement', 'denied_query'];
const UNABLE = ['unable_not_held', 'unable_create', 'unable_unclear'];
const REJECTED = ['rejected_petition', 'rejected_repeat', 'rejected_publication', 'rejected_excessive', 'rejected_confirm'];
const SUITS = ['suit_direct', 'suit_after_review'];

export const QUANTITIES: Quantity[] = [
	{ code: 'new', zh: '本年新收申请', en: 'New applications', terms: [req('new')] },
	{ code: 'carried_in', zh: '上年结转', en: 'Carried in', terms: [req('carried_in')] },
	{ code: 'handled', zh: '办理结果总计', en: 'Applications handled', terms: [req('total')] },
	{ code: 'carried_out', zh: '结转下年度', en: 'Carried over', terms: [req('carried_out')] },
	{ code: 'granted', zh: '予以公开', en: 'Granted', terms: [req('granted')] },
	{ code: 'partial', zh: '部分公开', en: 'Partly granted', terms: [req('partial')] },
	{ code: 'denied', zh: '不予公开', en: 'Denied', terms: DENIED.map((r) => req(r)) },
	{ code: 'unable', zh: '无法提供', en: 'Unable to provide', terms: UNABLE.map((r) => req(r)) },
	{ code: 'rejected', zh: '不予处理', en: 'Not processed', terms: REJECTED.map((r) => req(r)) },
	{ code: 'other', zh: '其他处理', en: 'Other handling', terms: [req('other')], fallback: [req('other_no_fix'), req('other_no_fee'), req('other_misc')] },
	...APPLICANT_COLUMNS.filter((c) => c.code !== 'total').map((c) => ({ code: `new_${c.code}`, zh: `新收·${c.label}`, en: `New: ${c.en}`, terms: [req('new', c.code)] })),
	{ code: 'review_total', zh: '行政复议总计', en: 'Reviews', terms: [app('review', 'total')] },
	{ code: 'review_corrected', zh: '行政复议结果纠正', en: 'Reviews corrected', terms: [app('review', 'corrected')] },
	{ code: 'review_pending', zh: '行政复议尚未审结', en: 'Reviews pending', terms: [app('review', 'pending')] },
	{ code: 'suit_total', zh: '行政诉讼总计', en: 'Lawsuits', terms: SUITS.map((r) => app(r, 'total')) },
	{ code: 'suit_corrected', zh: '行政诉讼结果纠正', en: 'Lawsuits corrected', terms: SUITS.map((r) => app(r, 'corrected')) },
	{ code: 'suit_pending', zh: '行政诉讼尚未审结', en: 'Lawsuits pending', terms: SUITS.map((r) => app(r, 'pending')) }
];

export interface Measure {
	code: string;
	zh: string;
	en: string;
	kind: 'count' | 'rate';
	numerator: string[];
	/** Quantities summed for the denominator; `minus` are subtracted from it. */
	denominator?: string[];
	minus?: string[];
	howZh: string;
	howEn: string;
}

export const MEASURES: Measure[] = [
	{
		code: 'new',
		zh: '新收申请',
		en: 'New applications',
		kind: 'count',
		numerator: ['new'],
		howZh: '三、表“本年新收政府信息公开申请数量”总计列',
		howEn: 'Section 3, new applications, total column'
	},
	{
		code: 'carried_in',
		zh: '上年结转',
		en: 'Carried in',
		kind: 'count',
		numerator: ['carried_in'],
		howZh: '上年结转政府信息公开申请数量（总计）',
		howEn: 'Applications carried in from last year (total)'
	},
	{ code: 'handled', zh: '办理总数', en: 'Handled', kind: 'count', numerator: ['handled'], howZh: '本年度办理结果（七）总计', howEn: 'Results of the year, (7) total' },
	{
		code: 'disclosure_rate',
		zh: '公开率',
		en: 'Disclosure rate',
		kind: 'rate',
		numerator: ['granted', 'partial'],
		denominator: ['handled'],
		howZh: '（予以公开 + 部分公开）÷ 办理结果总计',
		howEn: '(granted + partly granted) ÷ total of results'
	},
	{
		code: 'denied_share',
		zh: '不予公开占比',
		en: 'Denied share',
		kind: 'rate',
		numerator: ['denied'],
		denominator: ['handled'],
		howZh: '不予公开（8 项之和）÷ 办理结果总计',
		howEn: 'denied (sum of 8 reasons) ÷ total of results'
	},
	{
		code: 'unable_share',
		zh: '无法提供占比',
		en: 'Unable share',
		kind: 'rate',
		numerator: ['unable'],
		denominator: ['handled'],
		howZh: '无法提供（3 项之和）÷ 办理结果总计',
		howEn: 'unable to provide (sum of 3) ÷ total of results'
	},
	{
		code: 'rejected_share',
		zh: '不予处理占比',
		en: 'Not processed share',
		kind: 'rate',
		numerator: ['rejected'],
		denominator: ['handled'],
		howZh: '不予处理（5 项之和）÷ 办理结果总计',
		howEn: 'not processed (sum of 5) ÷ total of results'
	},
	{
		code: 'other_share',
		zh: '其他处理占比',
		en: 'Other share',
		kind: 'rate',
		numerator: ['other'],
		denominator: ['handled'],
		howZh: '其他处理 ÷ 办理结果总计',
		howEn: 'other handling ÷ total of results'
	},
	{ code: 'reviews', zh: '行政复议', en: 'Reviews', kind: 'count', numerator: ['review_total'], howZh: '四、表行政复议总计', howEn: 'Section 4, administrative review total' },
	{
		code: 'lawsuits',
		zh: '行政诉讼',
		en: 'Lawsuits',
		kind: 'count',
		numerator: ['suit_total'],
		howZh: '未经复议直接起诉总计 + 复议后起诉总计',
		howEn: 'lawsuits without review + after review, totals'
	},
	{
		code: 'review_correction_rate',
		zh: '复议纠错率',
		en: 'Review correction rate',
		kind: 'rate',
		numerator: ['review_corrected'],
		denominator: ['review_total'],
		howZh: '行政复议结果纠正 ÷ 行政复议总计',
		howEn: 'reviews corrected ÷ reviews'
	},
	{
		code: 'review_correction_rate_decided',
		zh: '复议纠错率（已审结）',
		en: 'Review correction rate (decided)',
		kind: 'rate',
		numerator: ['review_corrected'],
		denominator: ['review_total'],
		minus: ['review_pending'],
		howZh: '行政复议结果纠正 ÷（总计 − 尚未审结）',
		howEn: 'reviews corrected ÷ (reviews − pending)'
	},
	{
		code: 'suit_correction_rate',
		zh: '诉讼纠错率',
		en: 'Lawsuit correction rate',
		kind: 'rate',
		numerator: ['suit_corrected'],
		denominator: ['suit_total'],
		howZh: '行政诉讼结果纠正 ÷ 行政诉讼总计',
		howEn: 'lawsuits corrected ÷ lawsuits'
	},
	{
		code: 'suit_correction_rate_decided',
		zh: '诉讼纠错率（已审结）',
		en: 'Lawsuit correction rate (decided)',
		kind: 'rate',
		numerator: ['suit_corrected'],
		denominator: ['suit_total'],
		minus: ['suit_pending'],
		howZh: '行政诉讼结果纠正 ÷（总计 − 尚未审结）',
		howEn: 'lawsuits corrected ÷ (lawsuits − pending)'
	}
];

/** A rate over fewer applications than this is marked as a small sample. */
export const SMALL_SAMPLE = 30;
