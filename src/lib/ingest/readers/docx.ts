/**
 * Word files, read from the document's own structure: word/document.xml (unzipped with fflate,
 * streamed through a small XML scanner, xml-scan.ts). Tables keep their grid: w:gridSpan is a column span,
 * w:vMerge a row span (a merged label repeats in the rows it covers, a merged figure does not),
 * w:gridBefore the grid columns a row starts after (so that merges below line up).
 * A table holding tables lays out a page (a web page pasted into Word): its cells are read as a flow
 * of paragraphs and tables, as the web reader reads layout tables.
 * Paragraphs become text lines; deleted text (w:delText) is not read. mammoth did the same through
 * HTML at ~26 ms a file, a DOM of the XML at ~2 ms, htmlparser2's
 * events at ~1.5 ms; a scanner for machine-written XML is cheaper still.
 */
import { unifyHan } from '../han-variants';
import { unzipSync } from 'fflate';
import { attribute, scanXmlBytes } from './xml-scan';
import { deflatedEntry } from './zip-entry';
import { cellFromLines, isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';

export class DocxError extends Error {}

interface RawCell {
	text: string;
	span: number;
	/** null: not merged; 'restart': first cell of a vertical merge; 'continue': covered by the one above. */
	vMerge: 'restart' | 'continue' | null;
	/** Grid columns a row leaves out before its first cell (w:gridBefore): no cell, no text. */
	skipped?: boolean;
	/** The cell's paragraphs and tables in order, for a table that lays out a page (it holds tables). */
	flow: Block[];
	/** Where the open paragraph's text starts in `text`, and how deep paragraphs are nested. */
	paragraphStart: number;
	paragraphDepth: number;
}

interface TableFrame {
	rows: RawCell[][];
	cell: RawCell | null;
	/** A table holding tables lays out a page (a web page pasted into Word), as in web pages: not data. */
	holdsTables: boolean;
}

/** A data table as its grid; a layout table as its cells' paragraphs and tables, row by row. */
function tableBlocks(frame: TableFrame): Block[] {
	if (frame.holdsTables) return frame.rows.flatMap((row) => row.flatMap((cell) => cell.flow));
	const grid = tableGrid(frame.rows);
	return grid.length ? [{ kind: 'table', rows: grid }] : [];
}

const MAX_SPAN = 100;

const SPANNED = Symbol('spanned');

function tableGrid(rows: RawCell[][]): string[][] {
	const grid: (string | typeof SPANNED)[][] = [];
	rows.forEach((cells, r) => {
		const row: (string | typeof SPANNED)[] = (grid[r] = []);
		for (const cell of cells) {
			const c = row.length;
			if (cell.skipped) {
				for (let i = 0; i < cell.span; i++) row.push(SPANNED);
				continue;
			}
			let text: string | typeof SPANNED = cellFromLines(cell.text);
			if (cell.vMerge === 'continue') {
				const above = grid[r - 1]?.[c];
				// A merged label repeats; a merged figure or blank is read once, in its first row.
				text = typeof above === 'string' && above !== '' && !isValueToken(above) ? above : SPANNED;
			}
			for (let i = 0; i < cell.span; i++) row.push(i === 0 || (typeof text === 'string' && text !== '' && !isValueToken(text)) ? text : SPANNED);
		}
	});
	return grid.map((row) => row.filter((x): x is string => typeof x === 'string')).filter((r) => r.length);
}

/** Limits against zip bombs: a report's document.xml is a few MB; a Word file has tens of entries. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 5000;

/** A run's properties (fonts, bold, size, language): never text, a third of a document's tags. */
const RUN_PROPERTIES: ReadonlySet<string> = new Set(['w:rPr']);

/** A native raw-deflate decoder, when the host has one (Node's zlib); it throws past `maxOutput` bytes. */
type InflateRaw = (deflated: Uint8Array, maxOutput: number) => Uint8Array;
let nativeInflateRaw: InflateRaw | undefined;

/**
 * A host with a native inflate hands it in here. Word files are then inflated by it, ~3× faster than
 * fflate's JavaScript and without its warm-up in each parse worker (~1.3% of a run on the generated
 * corpus); fflate still reads any file that is not plain (zip-entry.ts), with the same results.
 */
export function provideInflateRaw(inflate: InflateRaw): void {
	nativeInflateRaw = inflate;
}

/** word/document.xml by the native inflate, if the host has one and the file is plain; else undefined. */
function documentXmlNatively(bytes: Uint8Array): Uint8Array | undefined {
	if (!nativeInflateRaw) return undefined;
	const entry = deflatedEntry(bytes, 'word/document.xml', MAX_DOCX_ENTRIES);
	if (!entry || entry.originalSize > MAX_DOCX_XML_BYTES) return undefined;
	try {
		const xml = nativeInflateRaw(entry.data, entry.originalSize);
		// Not the size the directory gives: fflate decides, as it always did.
		return xml.length === entry.originalSize ? xml : undefined;
	} catch {
		return undefined;
	}
}

/** word/document.xml by fflate: every file that is not plain, and every file where the host has no native inflate. */
function documentXml(bytes: Uint8Array): Uint8Array {
	let xml: Uint8Array | undefined;
	let entries = 0;
	let tooLarge: DocxError | undefined;
	try {
		xml = unzipSync(bytes, {
			filter: (f) => {
				if (++entries > MAX_DOCX_ENTRIES) tooLarge ??= new DocxError(`压缩包有 ${MAX_DOCX_ENTRIES} 个以上的条目，不像是一份 Word 文档，未读取 (too many zip entries)`);
				if (f.name !== 'word/document.xml') return false;
				if (f.originalSize > MAX_DOCX_XML_BYTES)
					tooLarge ??= new DocxError(
						`正文解压后达 ${Math.round(f.originalSize / 2 ** 20)} MB，超过 ${MAX_DOCX_XML_BYTES / 2 ** 20} MB 的上限，未读取 (decompressed size over the limit)`
					);
				return !tooLarge;
			}
		})['word/document.xml'];
	} catch (e) {
		throw new DocxError(`ZIP 压缩包损坏或不完整（${(e as Error).message}）`);
	}
	if (tooLarge) throw tooLarge;
	if (!xml) throw new DocxError('压缩包中没有 word/document.xml，不是 Word 文档');
	return xml;
}

export function readDocx(bytes: Uint8Array): SourceDocument {
	const xml = documentXmlNatively(bytes) ?? documentXml(bytes);

	const blocks: Block[] = [];
	const stack: string[] = [];
	let sawBody = false;
	let inBody = false;
	/** Open tables, innermost last. */
	const tables: TableFrame[] = [];
	let paragraph = '';
	let paragraphDepth = 0;
	let inText = 0;
	let fallback = 0;

	const table = () => tables[tables.length - 1];
	/** Text goes to the innermost table's open cell, or to the paragraph. */
	const append = (s: string) => {
		if (tables.length > 0) {
			const cell = table().cell;
			if (cell) cell.text += s;
		} else if (paragraphDepth > 0) paragraph += s;
	};
	const current = () => (tables.length > 0 ? (table().cell?.text ?? '') : paragraph);
	const inCellProperties = () => table()?.cell != null && stack[stack.length - 2] === 'w:tcPr' && stack[stack.length - 3] === 'w:tc';

	let hanVariants = 0;
	scanXmlBytes(
		xml,
		{
			open(name, attrs) {
				stack.push(name);
				if (name === 'w:body') {
					sawBody = inBody = true;
					return;
				}
				// A text box is written twice, for new Word (mc:Choice) and old (mc:Fallback): read it once.
				if (name === 'mc:Fallback') fallback++;
				if (!inBody || fallback > 0) return;
				switch (name) {
					case 'w:tbl':
						tables.push({ rows: [], cell: null, holdsTables: false });
						break;
					case 'w:tr':
						table()?.rows.push([]);
						break;
					case 'w:tc':
						if (tables.length > 0) table().cell = { text: '', span: 1, vMerge: null, flow: [], paragraphStart: -1, paragraphDepth: 0 };
						break;
					case 'w:gridSpan':
						if (inCellProperties()) table().cell!.span = Math.min(Math.max(parseInt(attribute(attrs.text(), 'w:val') || '1', 10) || 1, 1), MAX_SPAN);
						break;
					case 'w:gridBefore': {
						const t = table();
						const row = t?.rows[t.rows.length - 1];
						const n = Math.min(Math.max(parseInt(attribute(attrs.text(), 'w:val') || '0', 10) || 0, 0), MAX_SPAN);
						if (t && !t.cell && row && row.length === 0 && n > 0) row.push({ text: '', span: n, vMerge: null, skipped: true, flow: [], paragraphStart: -1, paragraphDepth: 0 });
						break;
					}
					case 'w:vMerge':
						if (inCellProperties()) table().cell!.vMerge = attribute(attrs.text(), 'w:val') === 'restart' ? 'restart' : 'continue';
						break;
					case 'w:t':
						inText++;
						break;
					case 'w:tab':
						append(' ');
						break;
					case 'w:br':
					case 'w:cr':
						append('\n');
						break;
					case 'w:p': {
						if (tables.length === 0 && paragraphDepth++ === 0) paragraph = '';
						// Paragraphs inside one cell (or a text box inside a paragraph) are lines.
						const t = current();
						if (t && !t.endsWith('\n')) append('\n');
						const cell = table()?.cell;
						if (cell && cell.paragraphDepth++ === 0) cell.paragraphStart = cell.text.length;
						break;
					}
				}
			},
			text(data) {
				if (inText > 0 && inBody && fallback === 0) {
					const { text, replaced } = unifyHan(data);
					hanVariants += replaced;
					append(text);
				}
			},
			close(name) {
				stack.pop();
				if (name === 'w:body') inBody = false;
				if (name === 'mc:Fallback') fallback = Math.max(0, fallback - 1);
				if (!inBody || fallback > 0) return;
				switch (name) {
					case 'w:t':
						inText = Math.max(0, inText - 1);
						break;
					case 'w:tc': {
						const t = table();
						if (t?.cell) {
							t.rows[t.rows.length - 1]?.push(t.cell);
							t.cell = null;
						}
						break;
					}
					case 'w:tbl': {
						const closed = tables.pop();
						if (!closed) break;
						const read = tableBlocks(closed);
						const outer = table();
						if (!outer) blocks.push(...read);
						else if (outer.cell) {
							// The table around this one lays out the page: its cells are read as a flow.
							outer.holdsTables = true;
							outer.cell.flow.push(...read);
						}
						break;
					}
					case 'w:p': {
						const cell = table()?.cell;
						if (cell && cell.paragraphDepth > 0 && --cell.paragraphDepth === 0) {
							const t = cell.text.slice(cell.paragraphStart).trim();
							if (t) cell.flow.push({ kind: 'text', text: t });
						} else if (tables.length === 0 && paragraphDepth > 0 && --paragraphDepth === 0) {
							const t = paragraph.trim();
							if (t) blocks.push({ kind: 'text', text: t });
						}
						break;
					}
				}
			}
		},
		RUN_PROPERTIES
	);
	if (!sawBody) throw new DocxError('Word 文档没有正文 (w:body)');
	return { blocks, layout: 'Word 表格', ...(hanVariants ? { hanVariants } : {}) };
}
