/**
 * How real reports word their row labels and titles, written out here from published reports,
 * independently of the parser's format table (src/lib/schema/report-format.ts): a round trip
 * through words the parser did not supply is what tests its tolerance. The first wording of each
 * row is the official one; the others were seen in real reports (see README, real reports).
 */
import type { Rng } from './rng';

const OFFICIAL: Record<string, string> = {
	new: '一、本年新收政府信息公开申请数量',
	carried_in: '二、上年结转政府信息公开申请数量',
	granted: '（一）予以公开',
	partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
	denied_secret: '1.属于国家秘密',
	denied_law: '2.其他法律行政法规禁止公开',
	denied_safety: '3.危及“三安全一稳定”',
	denied_third_party: '4.保护第三方合法权益',
	denied_internal: '5.属于三类内部事务信息',
	denied_process: '6.属于四类过程性信息',
	denied_enforcement: '7.属于行政执法案卷',
	denied_query: '8.属于行政查询事项',
	unable_not_held: '1.本机关不掌握相关政府信息',
	unable_create: '2.没有现成信息需要另行制作',
	unable_unclear: '3.补正后申请内容仍不明确',
	rejected_petition: '1.信访举报投诉类申请',
	rejected_repeat: '2.重复申请',
	rejected_publication: '3.要求提供公开出版物',
	rejected_excessive: '4.无正当理由大量反复申请',
	rejected_confirm: '5.要求行政机关确认或重新出具已获取信息',
	other: '（六）其他处理',
	other_no_fix: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
	other_no_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
	other_misc: '3.其他',
	total: '（七）总计',
	carried_out: '四、结转下年度继续办理'
};

/** Wordings seen in real reports besides the official one. */
const DRIFT: Record<string, string[]> = {
	new: ['本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数'],
	carried_in: ['上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请'],
	partial: ['（二）部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情 形）'],
	denied_secret: ['属于国家秘密', '1. 属于国家秘密'],
	denied_law: ['其他法律行政法规禁止公开', '2.其他法律行政止公开', '2.其他法律、行政法规禁止公开'],
	denied_safety: ['3.危及"三安全一稳定"', '3.危及‘三安全一稳定’', '危及「三安全一稳定」'],
	denied_third_party: ['保护第三方合法权益', '4.保护第三方合法 权益'],
	denied_internal: ['属于三类内部事务信息'],
	denied_process: ['属于四类过程性信息', '6.属于四类过程 性信息'],
	denied_enforcement: ['属于行政执法案卷'],
	denied_query: ['属于行政查询事项'],
	unable_not_held: ['本机关不掌握相关政府信息', '1.本机关不掌握相关 政府信息'],
	unable_create: ['没有现成信息需要另行制作'],
	unable_unclear: ['补正后申请内容仍不明确'],
	rejected_petition: ['信访举报投诉类申请'],
	rejected_repeat: ['重复申请'],
	rejected_publication: ['要求提供公开出版物'],
	rejected_excessive: ['无正当理由大量反复申请', '4.无正当理由大量反复 申请'],
	rejected_confirm: ['要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重 新出具已获取信息'],
	other_no_fix: ['1.申请人无正当理由逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理'],
	other_no_fee: ['2.申请人逾期未按收费通知要求缴纳费用', '2.申请人逾期未缴纳费用、行政机关不再处理'],
	total: ['总计', '（七） 总计'],
	carried_out: ['结转下年度继续办理', '四、结转下年度继续 办理']
};

/** A row's label: the official wording, or (with probability `drift`) one seen in real reports. */
export function rowWording(code: string, rng: Rng, drift: number): string {
	const variants = DRIFT[code];
	if (drift > 0 && variants && rng.chance(drift)) return rng.pick(variants);
	return OFFICIAL[code] ?? code;
}

/** Every wording of every row, for tests that mutate labels. */
export function allWordings(): { code: string; official: string; variants: string[] }[] {
	return Object.keys(OFFICIAL).map((code) => ({ code, official: OFFICIAL[code], variants: DRIFT[code] ?? [] }));
}

/** Title layouts seen in real reports: each a list of lines. */
export const TITLE_LAYOUTS = ['agency-then-year', 'one-line', 'year-first', 'year-first-split', 'spaced-two-lines'] as const;
export type TitleLayout = (typeof TITLE_LAYOUTS)[number];

export function titleLines(layout: TitleLayout, agency: string, year: number): string[] {
	switch (layout) {
		case 'one-line':
			return [`${agency}${year}年度政府信息公开工作年度报告`];
		case 'year-first':
			return [`${year}年${agency}政府信息公开工作年度报告`];
		case 'year-first-split':
			return [`${year} 年${agency}政府信息公开工作`, '年度报告'];
		case 'spaced-two-lines':
			return [agency, `${year} 年政府信息公开工作年度报告`];
		default:
			return [agency, `${year}年度政府信息公开工作年度报告`];
	}
}

/** Lines that carry no content, as portals and office suites leave them around the body. */
export const PAGE_CHROME = ['正文', '字号：大 中 小', '打印本页 关闭窗口', '【我要纠错】', '版权所有 网站标识码 4101000001 ICP备05000001号'];
