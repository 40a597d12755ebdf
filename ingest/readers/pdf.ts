/**
 * PDF reports, read from their text layer with pdf.js (pdfjs-dist): glyph runs with their
 * positions become lines, lines become cells where the gap between runs is wide, and table rows
 * are put back together — a label broken over lines (（四）无 / 法提供) or centred above and
 * below its row's figures joins that row. Running heads, page numbers and table headings
 * repeated on a new page are dropped. A PDF without a text layer (a scan) is refused.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanText, isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';

export class PdfError extends Error {}

interface Run {
	text: string;
	x: number;
	y: number;
	width: number;
	size: number;
}

interface Cell {
	text: string;
	x0: number;
	x1: number;
	y: number;
}

interface Line {
	page: number;
	y: number;
	size: number;
	cells: Cell[];
	numeric: boolean;
	/** Set when the line's text joined a table row. */
	absorbed?: boolean;
	extra?: Cell[];
}

const require = createRequire(import.meta.url);
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

function assets() {
	const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
	const url = (dir: string) => pathToFileURL(path.join(root, dir) + path.sep).href.replace(/^file:\/\//, '');
	return { cMapUrl: url('cmaps'), standardFontDataUrl: url('standard_fonts') };
}

const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,3}\s*(页)?(\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–\s]*$/;

async function textRuns(bytes: Uint8Array): Promise<{ pages: Run[][]; heights: number[] }> {
	pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
	const lib = await pdfjs;
	const { cMapUrl, standardFontDataUrl } = assets();
	let doc;
	try {
		// pdf.js takes the buffer over: give it a copy.
		doc = await lib.getDocument({ data: new Uint8Array(bytes), cMapUrl, cMapPacked: true, standardFontDataUrl, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
	} catch (e) {
		const name = (e as Error)?.name;
		if (name === 'PasswordException') throw new PdfError('PDF 有密码保护，无法读取 (password-protected PDF)');
		throw new PdfError(`PDF 文件损坏或不完整：${String((e as Error)?.message ?? e).slice(0, 120)} (damaged PDF)`);
	}
	const pages: Run[][] = [];
	const heights: number[] = [];
	try {
		for (let n = 1; n <= Math.min(doc.numPages, 200); n++) {
			const page = await doc.getPage(n);
			heights.push(page.view[3] - page.view[1]);
			const content = await page.getTextContent();
			const runs: Run[] = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str.trim() === '') continue;
				const [a, b, , d, e, f] = item.transform as number[];
				runs.push({ text: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) || Math.abs(d) || 10 });
			}
			pages.push(runs);
			page.cleanup();
		}
	} finally {
		await doc.destroy();
	}
	return { pages, heights };
}

/** Runs on one baseline make a line; a wide gap between runs starts a new cell. */
function linesOf(runs: Run[], page: number): Line[] {
	const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
	const groups: Run[][] = [];
	for (const r of sorted) {
		const g = groups[groups.length - 1];
		if (g && Math.abs(g[0].y - r.y) < 0.35 * Math.max(r.size, g[0].size)) g.push(r);
		else groups.push([r]);
	}
	return groups.map((g) => {
		g.sort((p, q) => p.x - q.x);
		const cells: Cell[] = [];
		for (const r of g) {
			const last = cells[cells.length - 1];
			if (last && r.x - last.x1 < 0.6 * r.size) {
				last.text += r.text;
				last.x1 = Math.max(last.x1, r.x + r.width);
			} else cells.push({ text: r.text, x0: r.x, x1: r.x + r.width, y: r.y });
		}
		const size = Math.max(...g.map((r) => r.size));
		return { page, y: g[0].y, size, cells, numeric: cells.some((c) => isValueToken(c.text)) };
	});
}

const isHeading = (t: string) => /^\s*[二三四五六]\s*[、.．]/.test(t) && !isValueToken(t);

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
	const { pages, heights } = await textRuns(bytes);
	if (pages.every((p) => p.length === 0)) throw new PdfError('PDF 没有文字层（可能是扫描件），需要先做文字识别 (OCR) (scanned PDF without a text layer)');
	const lines: Line[] = [];
	const seen = new Set<string>();
	pages.forEach((runs, i) => {
		const height = heights[i];
		for (const line of linesOf(runs, i)) {
			const text = line.cells.map((c) => c.text).join(' ').trim();
			const margin = line.y > height - 60 || line.y < 60;
			// Running heads, page numbers and heading rows repeated on a new page.
			if (margin && (PAGE_NUMBER.test(text) || (i > 0 && seen.has(text)))) continue;
			if (!line.numeric && i > 0 && seen.has(text)) continue;
			seen.add(text);
			lines.push(line);
		}
	});
	joinBrokenRows(lines);
	return { blocks: toBlocks(lines), runTogether: true };
}

/**
 * A label longer than its cell is printed over several lines and centred against the row's
 * figures: lines without figures within about a line of a row with figures, left of its first
 * figure, join that row's labels.
 */
function joinBrokenRows(lines: Line[]) {
	for (const line of lines) {
		if (line.numeric || isHeading(line.cells.map((c) => c.text).join(''))) continue;
		let best: Line | undefined;
		for (const other of lines) {
			if (!other.numeric || other.page !== line.page) continue;
			const d = Math.abs(other.y - line.y);
			if (d > 1.3 * line.size * 1.2) continue;
			const firstFigure = Math.min(...other.cells.filter((c) => isValueToken(c.text)).map((c) => c.x0));
			if (line.cells.some((c) => c.x1 > firstFigure + 1)) continue;
			if (!best || d < Math.abs(best.y - line.y)) best = other;
		}
		if (best) {
			line.absorbed = true;
			(best.extra ??= []).push(...line.cells);
		}
	}
	for (const line of lines) {
		if (!line.extra) continue;
		const figures = line.cells.filter((c) => isValueToken(c.text));
		const labels = [...line.cells.filter((c) => !isValueToken(c.text)), ...line.extra];
		// Label pieces in one column (overlapping x) read top to bottom.
		const columns: Cell[][] = [];
		for (const c of labels.sort((p, q) => p.x0 - q.x0)) {
			const col = columns.find((k) => k.some((o) => c.x0 < o.x1 - 1 && o.x0 < c.x1 - 1));
			if (col) col.push(c);
			else columns.push([c]);
		}
		const joined = columns.map((col) => {
			col.sort((p, q) => q.y - p.y || p.x0 - q.x0);
			return { text: col.map((c) => c.text).join(''), x0: Math.min(...col.map((c) => c.x0)), x1: Math.max(...col.map((c) => c.x1)), y: line.y };
		});
		line.cells = [...joined.sort((p, q) => p.x0 - q.x0), ...figures];
	}
}

function toBlocks(lines: Line[]): Block[] {
	const blocks: Block[] = [];
	let rows: string[][] = [];
	const close = () => {
		if (rows.length) blocks.push({ kind: 'table', rows });
		rows = [];
	};
	for (const line of lines) {
		if (line.absorbed) continue;
		const cells = line.cells.map((c) => cleanText(c.text)).filter(Boolean);
		if (!line.numeric && cells.length <= 1) {
			close();
			if (cells.length) blocks.push({ kind: 'text', text: cells[0] });
		} else rows.push(cells);
	}
	close();
	return blocks;
}
