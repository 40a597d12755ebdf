/**
 * Word files, read from the document's own structure: word/document.xml (unzipped with fflate,
 * parsed with htmlparser2 in XML mode). Tables keep their grid: w:gridSpan is a column span,
 * w:vMerge a row span (a merged label repeats in the rows it covers, a merged figure does not).
 * Paragraphs become text lines. mammoth did the same through HTML at ~26 ms a file; this reads
 * the XML directly at a fraction of that, which the 1,000 reports/s goal needs.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';

export class DocxError extends Error {}

function el(n: ChildNode): n is Element {
	return n.type === 'tag';
}

function children(e: Element, name: string): Element[] {
	return e.children.filter((c): c is Element => el(c) && c.name === name);
}

function child(e: Element, name: string): Element | undefined {
	return e.children.find((c): c is Element => el(c) && c.name === name);
}

/** Visible text of a paragraph or cell: w:t, tabs and breaks; deleted text (w:delText) is not read. */
function textOf(e: Element): string {
	let out = '';
	const walk = (n: ChildNode) => {
		if (!el(n)) return;
		if (n.name === 'w:t') for (const c of n.children) out += c.type === 'text' ? c.data : '';
		else if (n.name === 'w:tab') out += ' ';
		else if (n.name === 'w:br' || n.name === 'w:cr') out += '\n';
		else if (n.name === 'w:p' && out && !out.endsWith('\n')) {
			out += '\n';
			n.children.forEach(walk);
		} else n.children.forEach(walk);
	};
	walk(e);
	return out;
}

function cellText(tc: Element): string {
	const lines = textOf(tc).split('\n').map((s) => s.trim()).filter(Boolean);
	return lines.every((l) => isValueToken(l)) ? lines.join(' ') : lines.join('');
}

const SPANNED = Symbol('spanned');

function tableGrid(tbl: Element): string[][] {
	const grid: (string | typeof SPANNED)[][] = [];
	children(tbl, 'w:tr').forEach((tr, r) => {
		const row: (string | typeof SPANNED)[] = (grid[r] = []);
		for (const tc of children(tr, 'w:tc')) {
			const pr = child(tc, 'w:tcPr');
			const span = Math.min(Math.max(parseInt(pr && child(pr, 'w:gridSpan')?.attribs['w:val'] || '1', 10) || 1, 1), 100);
			const vMerge = pr && child(pr, 'w:vMerge');
			const continues = vMerge !== undefined && vMerge.attribs['w:val'] !== 'restart';
			const c = row.length;
			let text: string | typeof SPANNED = cellText(tc);
			if (continues) {
				const above = grid[r - 1]?.[c];
				// A merged label repeats; a merged figure or blank is read once, in its first row.
				text = typeof above === 'string' && above !== '' && !isValueToken(above) ? above : SPANNED;
			}
			for (let i = 0; i < span; i++) row.push(i === 0 || (typeof text === 'string' && text !== '' && !isValueToken(text)) ? text : SPANNED);
		}
	});
	return grid.map((row) => row.filter((x): x is string => typeof x === 'string')).filter((r) => r.length);
}

export function readDocx(bytes: Uint8Array): SourceDocument {
	let xml: Uint8Array | undefined;
	try {
		xml = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
	} catch (e) {
		throw new DocxError(`ZIP 压缩包损坏或不完整（${(e as Error).message}）`);
	}
	if (!xml) throw new DocxError('压缩包中没有 word/document.xml，不是 Word 文档');
	const dom = parseDocument(new TextDecoder().decode(xml), { xmlMode: true, decodeEntities: true });
	const body = dom.children.filter(el).flatMap((d) => children(d, 'w:body'))[0];
	if (!body) throw new DocxError('Word 文档没有正文 (w:body)');
	const blocks: Block[] = [];
	const walk = (n: Element) => {
		if (n.name === 'w:tbl') {
			const rows = tableGrid(n);
			if (rows.length) blocks.push({ kind: 'table', rows });
		} else if (n.name === 'w:p') {
			const t = textOf(n).trim();
			if (t) blocks.push({ kind: 'text', text: t });
		} else n.children.filter(el).forEach(walk);
	};
	body.children.filter(el).forEach(walk);
	return { blocks };
}
