/**
 * PDF reports, read from their text layer with pdf.js (pdfjs-dist): glyph runs with their
 * positions become lines, lines become cells where the gap between runs is wide, and table rows
 * are put back together — a label broken over lines (（四）无 / 法提供) or centred above and
 * below its row's figures joins that row. Running heads, page numbers and table headings
 * repeated on a new page are dropped. A PDF without a text layer (a scan) is refused.
 */
import { intoColumns } from './columns';
import { cellFromLines, cleanText, isValueToken } from '../cells';
import type { Block, SourceDocument } from '../document';
import { unifyHan } from '../han-variants';
import { rulesOf, type Rules, type VSegment } from './pdf-rules';

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
	/** The glyph runs a cell was joined from, while a table's rules may still part them. */
	runs?: Run[];
}

interface Line {
	page: number;
	y: number;
	size: number;
	cells: Cell[];
	numeric: boolean;
	/** Set when the line's text joined a table row. */
	absorbed?: boolean;
	/** A row of a ruled table: its cells are the table's columns, blanks included. */
	grid?: boolean;
	/** A row without rules whose blank cells were put back from its table's column headings. */
	columned?: boolean;
	extra?: Cell[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Where pdf.js finds its character maps and fonts, and how it is loaded: the host says (Node, a browser worker). */
export interface PdfHost {
	cMapUrl: string;
	standardFontDataUrl: string;
	load: () => Promise<PdfJs>;
	/**
	 * Node: fonts may go to a document that keeps nothing (pdf.js loads fonts synchronously there).
	 * A browser worker must not: pdf.js would wait there for a font to show on a canvas.
	 */
	fontsGoNowhere?: boolean;
}

let host: PdfHost | undefined;
let pdfjs: Promise<PdfJs> | undefined;

export function configurePdf(h: PdfHost) {
	host = h;
	pdfjs = undefined;
}

/** Start loading pdf.js now (a host expecting PDFs soon), not when the first one arrives. */
export function preloadPdf(): void {
	if (host) pdfjs ??= host.load();
}

/**
 * Where pdf.js would install a document's fonts to draw its pages (hosts with `fontsGoNowhere`).
 * Nothing is drawn here, so fonts go nowhere; with no document at all pdf.js would instead turn
 * every glyph the operator list shows into a drawing path — a fifth of a PDF's read time, unused.
 */
const NO_FONT_LOADING = {
	createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
	documentElement: { getElementsByTagName: () => [{ append: () => undefined }] }
};

const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,3}\s*(页)?(\s*[/／]\s*\d{1,3}|\s*共\s*\d{1,3}\s*页)?[-—–\s]*$/;

async function textRuns(bytes: Uint8Array): Promise<{ pages: Run[][]; heights: number[]; rules: Rules[]; hanVariants: number }> {
	if (!host) throw new PdfError('PDF 读取组件未配置 (pdf.js assets not configured)');
	pdfjs ??= host.load();
	const lib = await pdfjs;
	const { cMapUrl, standardFontDataUrl } = host;
	let doc;
	try {
		// pdf.js takes the buffer over: give it a copy.
		doc = await lib.getDocument({
			data: new Uint8Array(bytes),
			cMapUrl,
			cMapPacked: true,
			standardFontDataUrl,
			useSystemFonts: false,
			...(host.fontsGoNowhere ? { disableFontFace: false, ownerDocument: NO_FONT_LOADING as unknown as Document } : { disableFontFace: true }),
			isEvalSupported: false,
			verbosity: 0
		}).promise;
	} catch (e) {
		const name = (e as Error)?.name;
		if (name === 'PasswordException') throw new PdfError('PDF 有密码保护，无法读取 (password-protected PDF)');
		throw new PdfError(`PDF 文件损坏或不完整：${String((e as Error)?.message ?? e).slice(0, 120)} (damaged PDF)`);
	}
	const pages: Run[][] = [];
	const heights: number[] = [];
	const rules: Rules[] = [];
	let hanVariants = 0;
	try {
		for (let n = 1; n <= Math.min(doc.numPages, 200); n++) {
			const page = await doc.getPage(n);
			heights.push(page.view[3] - page.view[1]);
			const content = await page.getTextContent();
			const runs: Run[] = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str.trim() === '') continue;
				const [a, b, , d, e, f] = item.transform as number[];
				// Text running off the page (a table wider than an office suite's page: 698 printed as 69)
				// is cut where the page ends: marked cut (…), never read as a whole figure nor as a blank.
				const cut = e + item.width > page.view[2] - 1 || e < page.view[0] - 0.5;
				const { text, replaced } = unifyHan(item.str);
				hanVariants += replaced;
				runs.push({ text: cut ? `${text}…` : text, x: e, y: f, width: item.width, size: Math.hypot(a, b) || Math.abs(d) || 10 });
			}
			pages.push(runs);
			const ops = await page.getOperatorList();
			rules.push(rulesOf(ops.fnArray, ops.argsArray, lib.OPS as unknown as Record<string, number>));
			page.cleanup();
		}
	} finally {
		await doc.destroy();
	}
	return { pages, heights, rules, hanVariants };
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
	// Where a page's figures start, column by column: a figure starting there begins a cell even
	// when the label before it (justified, 处 理 的 ， … 情) runs up to it with no gap.
	const figureStarts = new Map<number, number>();
	for (const r of runs) if (isValueToken(r.text)) figureStarts.set(Math.round(r.x), (figureStarts.get(Math.round(r.x)) ?? 0) + 1);
	const startsColumn = (r: Run) => isValueToken(r.text) && [-1, 0, 1].some((d) => (figureStarts.get(Math.round(r.x) + d) ?? 0) >= 3);
	return groups.map((g) => {
		g.sort((p, q) => p.x - q.x);
		const cells: Cell[] = [];
		for (const r of g) {
			const last = cells[cells.length - 1];
			if (last && r.x - last.x1 < 0.6 * r.size && !(startsColumn(r) && !isValueToken(last.text))) {
				last.text += r.text;
				last.x1 = Math.max(last.x1, r.x + r.width);
				last.runs!.push(r);
			} else cells.push({ text: r.text, x0: r.x, x1: r.x + r.width, y: r.y, runs: [r] });
		}
		const size = Math.max(...g.map((r) => r.size));
		return { page, y: g[0].y, size, cells, numeric: cells.some((c) => isValueToken(c.text)) };
	});
}

const isHeading = (t: string) => /^\s*[二三四五六]\s*[、.．]/.test(t) && !isValueToken(t);

export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
	const { pages, heights, rules, hanVariants } = await textRuns(bytes);
	if (pages.every((p) => p.length === 0)) throw new PdfError('PDF 没有文字层（可能是扫描件），需要先做文字识别 (OCR) (scanned PDF without a text layer)');
	const lines: Line[] = [];
	const seen = new Set<string>();
	// Lines above a page's first figure: where a table's heading rows are, and repeat on a new page.
	const seenAbove = new Set<string>();
	let ruled = false;
	pages.forEach((runs, i) => {
		const height = heights[i];
		const pageLines = linesOf(runs, i);
		const firstFigure = pageLines.findIndex((l) => l.numeric);
		const kept: Line[] = [];
		const keptTexts: { text: string; above: boolean }[] = [];
		pageLines.forEach((line, k) => {
			const text = line.cells
				.map((c) => c.text)
				.join(' ')
				.trim();
			const margin = line.y > height - 60 || line.y < 60;
			const above = firstFigure < 0 || k < firstFigure;
			// Running heads, page numbers, and heading rows repeated at the top of a new page. A row of
			// figures is never a running head, though it may repeat one above (a row of 0s at a page's
			// foot); nor is text inside a table's rules (a label's last characters on a new page: 息).
			if (margin && ((PAGE_NUMBER.test(text) && !inTableRow(line, pageLines, rules[i])) || (i > 0 && !line.numeric && seen.has(text) && !inRuledCell(line, rules[i])))) return;
			if (i > 0 && !line.numeric && above && seenAbove.has(text)) return;
			kept.push(line);
			keptTexts.push({ text, above });
		});
		// Compared with later pages only: a label's last character (请) may well repeat on its own page.
		for (const { text, above } of keptTexts) {
			seen.add(text);
			if (above) seenAbove.add(text);
		}
		const grid = gridRows(kept, rules[i]);
		if (grid) {
			ruled = true;
			joinRowBrokenByPage(lines, kept);
		}
		// Text outside any ruled table (a page may rule one table and not the next): by positions.
		const loose = kept.filter((l) => !l.grid);
		joinLinesOfOneRow(loose);
		keepWrappedFiguresApart(loose);
		// Lines the joins above emptied are no row for a label to join.
		const live = () => loose.filter((l) => !l.absorbed && l.cells.length > 0);
		joinBrokenRows(live());
		blanksFromHeadings(live());
		lines.push(...kept);
	});
	blanksFromWholeRows(lines);
	// Cells read from a ruled grid are whole; text positions alone may have run figures together.
	return {
		blocks: toBlocks(lines),
		runTogether: !ruled,
		wholeCells: !ruled,
		layout: ruled ? 'PDF 表格（按表格线）' : 'PDF 表格（按文字位置）',
		...(hanVariants ? { hanVariants } : {})
	};
}

/**
 * A lone figure at a page's foot or head that is a table's cell, not a page number: inside the
 * table's rules, or beside a row of figures a fraction of a line away (its baseline a little off).
 */
function inTableRow(line: Line, pageLines: Line[], r: Rules): boolean {
	if (inRuledCell(line, r)) return true;
	return pageLines.some((o) => o !== line && o.numeric && o.cells.length >= 2 && Math.abs(o.y - line.y) < 0.7 * Math.max(o.size, line.size));
}

function inRuledCell(line: Line, r: Rules): boolean {
	return line.cells.some((c) => enclosing(r, (c.x0 + c.x1) / 2, line.y + 0.35 * line.size).inside);
}

/**
 * The segments covering a point, nearest first in each direction. A table broken by a page may
 * have no rule above its first row on the new page (or below its last): there the ends of the
 * column rules on both sides stand in for it.
 */
function enclosing(r: Rules, x: number, y: number) {
	let left: VSegment | undefined;
	let right: VSegment | undefined;
	let below = -Infinity;
	let above = Infinity;
	for (const v of r.v) {
		if (v.y0 - 1 > y || v.y1 + 1 < y) continue;
		if (v.x < x && (!left || v.x > left.x)) left = v;
		if (v.x > x && (!right || v.x < right.x)) right = v;
	}
	for (const h of r.h) {
		if (h.x0 - 1 > x || h.x1 + 1 < x) continue;
		if (h.y < y && h.y > below) below = h.y;
		if (h.y > y && h.y < above) above = h.y;
	}
	if (left && right) {
		if (above === Infinity && Math.abs(left.y1 - right.y1) < 1) above = Math.min(left.y1, right.y1);
		if (below === -Infinity && Math.abs(left.y0 - right.y0) < 1) below = Math.max(left.y0, right.y0);
	}
	return { left: left?.x ?? -Infinity, right: right?.x ?? Infinity, below, above, inside: Number.isFinite((left?.x ?? NaN) + (right?.x ?? NaN) + below + above) };
}

/**
 * Text inside a ruled table: each cell belongs to the table row whose rules (taken at the table's
 * right border, where every row is ruled) enclose it, and to the column its rules enclose. A row's
 * lines become one line of cells, one per column, '' where a cell is blank. Returns false when
 * the page has no ruled table.
 */
function gridRows(lines: Line[], r: Rules): boolean {
	if (r.h.length < 2 || r.v.length < 2) return false;
	const rows = new Map<string, { y: number; pieces: { cell: Cell; y: number }[]; right: number }>();
	let any = false;
	for (const line of lines) {
		const outside: Cell[] = [];
		const cy = line.y + 0.35 * line.size;
		for (const cell of line.cells.flatMap((c) => partedByRules(c, r, cy))) {
			const box = enclosing(r, (cell.x0 + cell.x1) / 2, cy);
			if (!box.inside) {
				outside.push(cell);
				continue;
			}
			// The table's right border at this height, and the row rules there.
			const border = Math.max(...r.v.filter((v) => v.y0 - 1 <= cy && v.y1 + 1 >= cy && v.x >= box.right).map((v) => v.x));
			const band = enclosing(r, border - 2, cy);
			const key = `${band.below.toFixed(1)}:${band.above.toFixed(1)}`;
			const row = rows.get(key) ?? { y: (band.below + band.above) / 2, pieces: [], right: border };
			row.pieces.push({ cell, y: cy });
			rows.set(key, row);
			any = true;
		}
		line.cells = outside;
	}
	if (!any) return false;
	// Each row becomes a line at its first text line; the lines it took its cells from are dropped.
	for (const row of rows.values()) {
		const edges = [...new Set(r.v.filter((v) => v.y0 - 1 <= row.y && v.y1 + 1 >= row.y && v.x <= row.right + 1).map((v) => Math.round(v.x * 2) / 2))].sort((a, b) => a - b);
		const columns: { x0: number; x1: number; pieces: { cell: Cell; y: number }[] }[] = [];
		for (let k = 0; k + 1 < edges.length; k++) if (edges[k + 1] - edges[k] > 2) columns.push({ x0: edges[k], x1: edges[k + 1], pieces: [] });
		for (const p of row.pieces) {
			const cx = (p.cell.x0 + p.cell.x1) / 2;
			(columns.find((c) => cx >= c.x0 && cx <= c.x1) ?? columns[columns.length - 1])?.pieces.push(p);
		}
		const cells: Cell[] = columns.map((c) => {
			c.pieces.sort((p, q) => q.y - p.y || p.cell.x0 - q.cell.x0);
			return { text: c.pieces.map((p) => p.cell.text).join(''), x0: c.x0, x1: c.x1, y: row.y };
		});
		const top = Math.max(...row.pieces.map((p) => p.y));
		const host = lines.find((l) => Math.abs(l.y + 0.35 * l.size - top) < 0.01) ?? lines[0];
		host.cells = [...host.cells, ...cells];
		host.grid = true;
		host.numeric = cells.some((c) => isValueToken(c.text));
	}
	for (const line of lines) if (!line.grid) line.numeric = line.cells.some((c) => isValueToken(c.text));
	return true;
}

/**
 * An office suite may break a table row over two pages: the rest of its label opens the next page
 * as a ruled row of its own, its figure cells empty. That rest joins the row it belongs to.
 */
function joinRowBrokenByPage(before: Line[], page: Line[]) {
	const last = before.findLast((l) => !l.absorbed && l.cells.length > 0);
	const first = page.find((l) => !l.absorbed && l.cells.length > 0);
	if (!last?.grid || !first?.grid || first.numeric || first.cells.length !== last.cells.length) return;
	// A heading row (its last column names a column: 对外公开总数量) is no row of figures to continue.
	const lastCell = last.cells[last.cells.length - 1].text.trim();
	if (lastCell !== '' && !isValueToken(lastCell)) return;
	// The label's part of the row: left of its first figure, or (figures all blank) up to its last text.
	const labelEnd = last.numeric ? last.cells.findIndex((c) => isValueToken(c.text)) - 1 : last.cells.findLastIndex((c) => c.text.trim() !== '');
	const rest = first.cells.map((c, k) => ({ k, text: c.text.trim() })).filter((c) => c.text !== '');
	if (rest.length === 0 || rest.some((c) => c.k > labelEnd)) return;
	// A row of its own starts with its number (（三）, 4., 二、); the rest of a label does not.
	if (ROW_NUMBER.test(rest[0].text)) return;
	for (const { k, text } of rest) last.cells[k].text += text;
	first.cells = [];
}

/** A glyph's share of a run's width, estimated: CJK and full-width forms are wide, the rest narrow. */
const glyphWeight = (ch: string) => (ch.charCodeAt(0) >= 0x2e80 || ch === '“' || ch === '”' ? 1 : ch === ' ' ? 0.35 : 0.55);

/**
 * One glyph run that a column rule crosses (pdf.js joins a label's last glyph and the next cell's
 * figure into one run, a space between, when a justified label runs up to the rule): parted at
 * the space nearest the rule. Only at a space: a run without one is never cut inside a word.
 */
function splitRunAtRules(run: Run, rules: VSegment[]): Run[] {
	const crossing = rules.find((v) => v.x > run.x + 0.5 && v.x < run.x + run.width - 0.5);
	if (!crossing || !/\s/.test(run.text.trim())) return [run];
	const chars = [...run.text];
	const unit = run.width / chars.reduce((s, ch) => s + glyphWeight(ch), 0);
	let best = -1;
	let bestDistance = Infinity;
	let at = run.x;
	chars.forEach((ch, k) => {
		const mid = at + (glyphWeight(ch) * unit) / 2;
		at += glyphWeight(ch) * unit;
		if (!/\s/.test(ch) || k === 0 || k === chars.length - 1) return;
		if (Math.abs(mid - crossing.x) < bestDistance) [best, bestDistance] = [k, Math.abs(mid - crossing.x)];
	});
	if (best < 0) return [run];
	const left = chars.slice(0, best).join('').trimEnd();
	const right = chars
		.slice(best + 1)
		.join('')
		.trimStart();
	if (!left || !right) return [run];
	const end = run.x + run.width;
	return [
		{ ...run, text: left, width: Math.max(0.1, crossing.x - 0.6 - run.x) },
		...splitRunAtRules({ ...run, text: right, x: crossing.x + 0.6, width: Math.max(0.1, end - crossing.x - 0.6) }, rules)
	];
}

const ROW_NUMBER = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[.．、])/;

/**
 * Runs joined into one cell by their closeness (a label, then its row's first figure a few points
 * on) that a column rule stands between are two cells.
 */
function partedByRules(cell: Cell, r: Rules, y: number): Cell[] {
	const rulesHere = r.v.filter((v) => v.y0 - 1 <= y && v.y1 + 1 >= y);
	const runs = (cell.runs ?? []).flatMap((run) => splitRunAtRules(run, rulesHere));
	if (runs.length < 2) return [cell];
	const out: Cell[] = [];
	let from = 0;
	const close = (to: number) => {
		const part = runs.slice(from, to);
		out.push({ text: part.map((p) => p.text).join(''), x0: part[0].x, x1: Math.max(...part.map((p) => p.x + p.width)), y: cell.y, runs: part });
		from = to;
	};
	for (let k = 1; k < runs.length; k++) {
		const gapFrom = runs[k - 1].x + runs[k - 1].width - 0.5;
		const gapTo = runs[k].x + 0.5;
		if (rulesHere.some((v) => v.x > gapFrom && v.x < gapTo)) close(k);
	}
	if (from === 0) return [cell];
	close(runs.length);
	return out;
}

/**
 * Without rules, a row whose cells sit on slightly different baselines (cells aligned differently,
 * an OCR text layer) comes out as two lines of figures a fraction of a line apart. Read in line
 * order their figures would interleave wrongly; side by side (no cell of one over a cell of the
 * other) and closer than a row's height, they are one row, its cells in x order.
 */
function joinLinesOfOneRow(lines: Line[]) {
	let a: Line | undefined;
	for (const b of lines) {
		if (b.absorbed || b.cells.length === 0) continue;
		if (a && a.numeric && b.numeric && a.page === b.page && Math.abs(a.y - b.y) < 0.7 * Math.max(a.size, b.size) && !overlapping(a, b)) {
			a.cells = [...a.cells, ...b.cells].sort((p, q) => p.x0 - q.x0);
			a.size = Math.max(a.size, b.size);
			b.cells = [];
			b.absorbed = true;
			continue;
		}
		a = b;
	}
}

/** Some cell of one line stands over a cell of the other. */
const overlapping = (a: Line, b: Line) => a.cells.some((p) => b.cells.some((q) => p.x0 < q.x1 - 0.5 && q.x0 < p.x1 - 0.5));

/**
 * Without rules, a long figure wrapped in a narrow cell (5949.08866 / 7) is a lone figure on the
 * line above a row's figure in the same column. Whether it is the first part of that figure or a
 * row of its own is not known: the two stay together as one cell of two lines, which is read as
 * no figure (see `stacked`), never as two.
 */
function keepWrappedFiguresApart(lines: Line[]) {
	const live = lines.filter((l) => !l.absorbed && l.cells.length > 0);
	live.forEach((a, k) => {
		if (a.cells.length !== 1 || !isValueToken(a.cells[0].text)) return;
		const top = a.cells[0];
		// The next line below holding a figure in the same column, within about a line (a label line may lie between).
		for (const b of live.slice(k + 1)) {
			if (b.page !== a.page || Math.abs(a.y - b.y) >= 1.6 * Math.max(a.size, b.size)) return;
			const below = b.cells.find((c) => isValueToken(c.text) && c.x0 < top.x1 - 0.5 && top.x0 < c.x1 - 0.5);
			if (!below) continue;
			below.text = `${top.text}\n${below.text}`;
			a.cells = [];
			a.absorbed = true;
			return;
		}
	});
}

/**
 * Without rules a blank cell leaves no trace: 行政规范性文件 3 (blank) 23 reads as two figures for
 * three columns, and a cut by digit count would make 3 | 2 | 3 of them. The column headings above
 * of section 二's tables (信息内容 本年制发件数 本年废止件数 现行有效件数) say where each column is:
 * a row of figures under them takes each figure into the column whose heading it stands under, and a column
 * with none is a blank cell. Only when every figure falls in a column of its own; otherwise the
 * row stays as it is. (Sections 三 and 四 print 0 rather than leave cells blank, and their
 * headings span several lines: they are not filled.)
 */
function blanksFromHeadings(lines: Line[]) {
	let headings: Cell[] | undefined;
	for (const line of lines) {
		const texts = line.cells.map((c) => c.text.trim()).filter(Boolean);
		if (!line.numeric) {
			// Section 二's column headings: 信息内容 over the labels, then one heading per figure column.
			if (texts.length >= 2 && /^信息内容$/.test(texts[0]) && texts.every((t) => t.length <= 16)) headings = line.cells.slice(1);
			else if (texts.length >= 2 || isHeading(texts.join('')) || /第二十条/.test(texts.join(''))) headings = undefined;
			continue;
		}
		if (!headings) continue;
		const figures = line.cells.filter((c) => isValueToken(c.text));
		const labels = line.cells.filter((c) => !isValueToken(c.text));
		const labelEnd = Math.max(-Infinity, ...labels.map((c) => c.x1));
		if (figures.some((f) => f.x0 < labelEnd)) continue;
		const columns = headings.filter((h) => (h.x0 + h.x1) / 2 > labelEnd);
		if (columns.length <= figures.length || columns.length > 16) continue;
		// A figure belongs to the heading it stands under (its centre within the heading's width): a
		// figure aligned left in a wide column under a centred heading stands under none, and the row is left alone.
		const underHeading = (f: Cell) => columns.findIndex((h) => (f.x0 + f.x1) / 2 >= h.x0 - 3 && (f.x0 + f.x1) / 2 <= h.x1 + 3);
		const cells = intoColumns(figures, columns.length, underHeading, (k) => ({ text: '', x0: columns[k].x0, x1: columns[k].x1, y: line.y }));
		if (!cells) continue;
		line.cells = [...labels, ...cells];
		line.columned = true;
	}
}

/**
 * Section 三 in a table without rules: a blank cell leaves no text, and its row comes out a figure
 * short. The rows that print all seven figures say where each column is (the span its figures take
 * up); a shorter row's figures each fall into one column's span, left to right, and the columns
 * none falls into are its blank cells. Only when at least three whole rows agree on seven separate
 * columns, and every figure of the short row falls into a column of its own; otherwise the row
 * stays as it is (and is refused later, its blanks' places unknown).
 */
function blanksFromWholeRows(lines: Line[]) {
	const APPLICANT_COLUMNS = 7;
	let section: Line[] | undefined;
	const sections: Line[][] = [];
	for (const line of lines) {
		const text = line.cells.map((c) => c.text).join('');
		if (!line.numeric && /^\s*三\s*[、.．]\s*收到和处理/.test(text)) sections.push((section = []));
		else if (!line.numeric && /^\s*[四五六]\s*[、.．]/.test(text)) section = undefined;
		else if (section && line.numeric && !line.grid && !line.absorbed) section.push(line);
	}
	for (const rows of sections) {
		const parts = rows.map((line) => {
			const figures = line.cells.filter((c) => isValueToken(c.text));
			const labels = line.cells.filter((c) => !isValueToken(c.text) && c.text.trim() !== '');
			const labelEnd = Math.max(-Infinity, ...labels.map((c) => c.x1));
			// A label's cell may reach a little into the first figure's (its width is estimated from its glyphs).
			return { line, figures, labels, apart: figures.every((f) => (f.x0 + f.x1) / 2 > labelEnd) };
		});
		const whole = parts.filter((p) => p.apart && p.figures.length === APPLICANT_COLUMNS);
		if (whole.length < 3) continue;
		const spans = Array.from({ length: APPLICANT_COLUMNS }, (_, k) => ({
			x0: Math.min(...whole.map((p) => p.figures[k].x0)),
			x1: Math.max(...whole.map((p) => p.figures[k].x1))
		}));
		if (spans.some((sp, k) => k > 0 && sp.x0 <= spans[k - 1].x1)) continue;
		for (const p of parts) {
			if (!p.apart || p.figures.length === 0 || p.figures.length >= APPLICANT_COLUMNS) continue;
			const inSpan = (f: Cell) => spans.findIndex((sp) => (f.x0 + f.x1) / 2 >= sp.x0 - 2 && (f.x0 + f.x1) / 2 <= sp.x1 + 2);
			const cells = intoColumns(p.figures, spans.length, inSpan, (k) => ({ text: '', x0: spans[k].x0, x1: spans[k].x1, y: p.line.y }));
			if (!cells) continue;
			p.line.cells = [...p.labels, ...cells];
			p.line.columned = true;
		}
	}
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

/** A cell's text; figures on separate lines of one cell stay apart (read as no figure, see `stacked`). */
const cellText = (text: string) => (text.includes('\n') ? cellFromLines(text.split('\n').map(cleanText).join('\n')) : cleanText(text));

/**
 * Without rules a label may come out run into the figure after it, no gap between them
 * (`行政事业性收费5949.088667`, a narrow label column's text reaching the figure's): two cells.
 * Only a short label ending in a character (not a sentence, nor a date or a count with its unit).
 */
const LABEL_THEN_FIGURE = /^([^。，；,;：:]{2,40}[\u3400-\u9fff）)”"])(\d[\d,]*(?:\.\d+)?)$/;
function labelAndFigure(text: string): string[] {
	const m = LABEL_THEN_FIGURE.exec(text);
	return m && /[\u3400-\u9fff]{2}/.test(m[1]) && !/\d\s*[年月日]$/.test(m[1]) ? [m[1], m[2]] : [text];
}

function toBlocks(lines: Line[]): Block[] {
	const blocks: Block[] = [];
	let rows: string[][] = [];
	const close = () => {
		if (rows.length) blocks.push({ kind: 'table', rows });
		rows = [];
	};
	for (const line of lines) {
		if (line.absorbed || line.cells.length === 0) continue;
		// A ruled row keeps its blank cells: a blank is not a missing column.
		const cells = line.grid || line.columned ? line.cells.map((c) => cellText(c.text)) : line.cells.flatMap((c) => labelAndFigure(cellText(c.text))).filter(Boolean);
		if (!line.numeric && cells.filter(Boolean).length <= 1 && !(line.grid && cells.length > 1)) {
			close();
			const text = cells.find(Boolean);
			if (text) blocks.push({ kind: 'text', text });
		} else rows.push(cells);
	}
	close();
	return blocks;
}
