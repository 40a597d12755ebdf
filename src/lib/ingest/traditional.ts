/**
 * Reports in traditional characters: copies that mirror sites and portals' 繁体 versions make of
 * mainland reports (開/报, 總計/总计). Labels, headings and agency names are matched in simplified
 * characters, so such a document is read after OpenCC's conversion (opencc-js, Hong Kong and Taiwan
 * forms alike); its figures are digits and do not change. The converter loads only for such a
 * document: a simplified one is told apart by a count of characters that every report uses.
 */
import type { Block, DocumentMeta, SourceDocument } from './document';

/** Characters every report uses many times, in their traditional forms, and their simplified ones. */
const TRADITIONAL = /[開報資關機構處議訴訟請與數項條規範總計結轉實區縣會務發時間號決費應辦為產業預類際門廳員統動態們國華說讀這對導經濟]/g;
const SIMPLIFIED = /[开报资关机构处议诉讼请与数项条规范总计结转实区县会务发时间号决费应办为产业预类际门厅员统动态们国华说读这对导经济]/g;

/** How much of a text is looked at to tell its script. */
const SAMPLE = 40_000;

/** Written in traditional characters: many of the common ones, and far more than their simplified forms. */
export function looksTraditional(text: string): boolean {
	const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
	// Every report says 公開 or 報告 in traditional characters: most documents are answered by a plain search.
	if (!sample.includes('開') && !sample.includes('報')) return false;
	const traditional = sample.match(TRADITIONAL)?.length ?? 0;
	if (traditional < 20) return false;
	return traditional > 2 * (sample.match(SIMPLIFIED)?.length ?? 0);
}

type Convert = (text: string) => string;
let converter: Promise<Convert> | undefined;

/** Hong Kong forms (衞), then Taiwan forms (裡): each leaves the other's and simplified text as they are. */
function loadConverter(): Promise<Convert> {
	converter ??= import('opencc-js/t2cn').then(({ Converter }) => {
		const fromHk = Converter({ from: 'hk', to: 'cn' });
		const fromTw = Converter({ from: 'tw', to: 'cn' });
		return (text: string) => fromTw(fromHk(text));
	});
	return converter;
}

function convertDocument(doc: SourceDocument, convert: Convert): SourceDocument {
	const block = (b: Block): Block => (b.kind === 'text' ? { ...b, text: convert(b.text) } : { kind: 'table', rows: b.rows.map((r) => r.map(convert)) });
	const meta = (m: DocumentMeta): DocumentMeta => ({
		...m,
		...(m.title !== undefined ? { title: convert(m.title) } : {}),
		...(m.publisher !== undefined ? { publisher: convert(m.publisher) } : {}),
		...(m.source !== undefined ? { source: convert(m.source) } : {}),
		...(m.date !== undefined ? { date: convert(m.date) } : {})
	});
	return {
		...doc,
		blocks: doc.blocks.map(block),
		...(doc.title !== undefined ? { title: convert(doc.title) } : {}),
		...(doc.meta ? { meta: meta(doc.meta) } : {}),
		...(doc.asCellLines ? { asCellLines: convertDocument(doc.asCellLines, convert) } : {})
	};
}

/** Text in simplified characters (text already simplified stays as it is). */
export async function toSimplified(text: string): Promise<string> {
	return (await loadConverter())(text);
}

/** The text a document's reader produced (Word, PDF), for telling its script. */
function textOf(doc: SourceDocument): string {
	const parts: string[] = [doc.title ?? ''];
	let size = 0;
	for (const b of doc.blocks) {
		const text = b.kind === 'text' ? b.text : b.rows.map((r) => r.join(' ')).join('\n');
		parts.push(text);
		size += text.length;
		if (size > SAMPLE) break;
	}
	return parts.join('\n');
}

/**
 * A read document (Word, PDF) in simplified characters when it is written in traditional ones; else
 * as it is. Text forms are converted before they are read (parse.ts): their readers cut rows at labels.
 */
export async function simplifiedDocument(doc: SourceDocument): Promise<SourceDocument> {
	if (!looksTraditional(textOf(doc))) return doc;
	return { ...convertDocument(doc, await loadConverter()), traditional: true };
}
