/**
 * Who published a report, for which year, and when: from the title line(s) and the signature.
 */
import type { Block, SourceDocument } from './document';
import { cleanText } from './cells';

export interface ReportIdentity {
	agency?: string;
	year?: number;
	published?: string;
	/** Text around the title (and the signature) that may name the region. */
	context: string;
}

const TITLE = /(\d{4}|[二〇○零一二三四五六七八九]{4})\s*年\s*(?:度)?\s*(?:的)?\s*政\s*府\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?报\s*告/;
const CN_DIGITS: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10 };

function cnNumber(s: string): number {
	if (/^\d+$/.test(s)) return Number(s);
	if (s.length === 4 && [...s].every((c) => c in CN_DIGITS && c !== '十')) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
	// 十, 十二, 二十, 二十一, 三十一
	const [a, b] = s.split('十');
	if (s.includes('十')) return (a ? CN_DIGITS[a] : 1) * 10 + (b ? CN_DIGITS[b] : 0);
	return CN_DIGITS[s] ?? NaN;
}

function textLines(doc: SourceDocument): string[] {
	return doc.blocks.filter((b): b is Extract<Block, { kind: 'text' }> => b.kind === 'text').map((b) => cleanText(b.text)).filter(Boolean);
}

const AGENCY_TAIL = /(人民政府办公室|人民政府办公厅|人民政府|办公室|办事处|委员会|管委会|局|厅|委|办|院|中心|署|所|站|队|会|处|部)$/;

/** The agency as printed: breadcrumb prefixes and wrapping quotes go, everything else is kept verbatim. */
function cleanAgency(s: string): string {
	return s
		.replace(/^.*(?:首页|当前位置|您的位置)\s*[：:>»]+\s*/, '')
		.replace(/^[\s《“"']+|[\s》”"'：:]+$/g, '')
		.replace(/^关于/, '')
		.trim();
}

export function recognize(doc: SourceDocument): ReportIdentity {
	const lines = textLines(doc);
	let agency: string | undefined;
	let year: number | undefined;
	let titleIndex = -1;
	const candidates = doc.title ? [cleanText(doc.title), ...lines] : lines;
	for (let i = 0; i < Math.min(candidates.length, 400); i++) {
		const m = TITLE.exec(candidates[i]);
		if (!m) continue;
		const y = cnNumber(m[1]);
		if (!(y >= 2000 && y <= 2100)) continue;
		let before = cleanAgency(candidates[i].slice(0, m.index));
		if (!before && i > 0) before = cleanAgency(candidates[i - 1]);
		if (before && before.length <= 60 && !/[，。；]/.test(before)) {
			year = y;
			agency = before;
			titleIndex = i;
			if (AGENCY_TAIL.test(before)) break;
		} else if (year === undefined) {
			year = y;
			titleIndex = i;
		}
	}
	const published = publicationDate(lines, year);
	const context = [doc.title ?? '', ...candidates.slice(Math.max(0, titleIndex - 3), titleIndex + 4), ...lines.slice(-8)].join('\n');
	return { agency, year, published, context };
}

const DATE_NUM = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/g;
const DATE_CN = /([二〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;

function toIso(y: number, m: number, d: number): string | undefined {
	if (!(y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCMonth() !== m - 1) return undefined;
	return date.toISOString().slice(0, 10);
}

/** The signature's date: the last date in the document that is after the year reported on. */
function publicationDate(lines: string[], year: number | undefined): string | undefined {
	let found: string | undefined;
	const consider = (iso: string | undefined) => {
		if (!iso) return;
		if (year !== undefined && Number(iso.slice(0, 4)) <= year) return;
		found = iso;
	};
	for (const line of lines) {
		for (const m of line.matchAll(DATE_NUM)) consider(toIso(Number(m[1]), Number(m[2]), Number(m[3])));
		for (const m of line.matchAll(DATE_CN)) consider(toIso(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])));
	}
	return found;
}
