/**
 * A report as a PDF (pdfkit, with Noto Sans SC from @embedpdf/fonts-sc embedded as a subset):
 * ruled tables (or, as some agencies print them, without borders) whose narrow label columns break labels over lines (（四）无 / 法提供), text
 * centred in its cells, tables split across pages with the header repeated or not, and a running
 * head and page numbers on every page, as agencies' PDFs have them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { chineseDate, prose, titleLine, titleOf } from './prose';
import { SECTION_HEADINGS, layoutTables, type LayoutTable } from './layout';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';

const require = createRequire(import.meta.url);
let fontBytes: Buffer | undefined;
/** The CJK font every generated PDF embeds (tests draw their own PDFs with it too). */
export function font(): Buffer {
	fontBytes ??= readFileSync(path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf'));
	return fontBytes;
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const PAD = 3;

/** Column widths of each table's grid (points), chosen so long labels wrap as in real reports. */
function columnWidths(table: LayoutTable, usable: number): number[] {
	if (table.table === 'requests') {
		const labels = [44, 40, 130];
		const rest = (usable - labels.reduce((a, b) => a + b, 0)) / 7;
		return [...labels, ...Array(7).fill(rest)];
	}
	if (table.table === 'appeals') return Array(15).fill(usable / 15);
	return [150, ...Array(table.width - 1).fill((usable - 150) / (table.width - 1))];
}

interface Placed {
	text: string;
	row: number;
	col: number;
	rowspan: number;
	colspan: number;
	size: number;
}

/** Grid positions of the layout's cells (rowspan/colspan resolved). */
function place(table: LayoutTable): Placed[] {
	const taken: boolean[][] = [];
	const out: Placed[] = [];
	table.rows.forEach((row, r) => {
		taken[r] ??= [];
		let c = 0;
		for (const cell of row) {
			while (taken[r][c]) c++;
			const rs = cell.rowspan ?? 1;
			const cs = cell.colspan ?? 1;
			for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (taken[r + i] ??= [])[c + j] = true;
			out.push({ text: cell.split ? cell.split.join('') : cell.text, row: r, col: c, rowspan: rs, colspan: cs, size: table.table === 'appeals' ? 7 : 8 });
			c += cs;
		}
	});
	return out;
}

export async function renderPdf(spec: ReportSpec, rng: Rng, mess: Mess): Promise<Uint8Array> {
	const doc = new PDFDocument({
		size: [PAGE.width, PAGE.height],
		margin: PAGE.margin,
		compress: true,
		autoFirstPage: false,
		bufferPages: true,
		info: { Title: `${spec.titleName}${titleLine(spec)}`, Producer: '示例数据 generator', CreationDate: new Date(Date.UTC(spec.year + 1, 0, 1)) }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
	doc.registerFont('cjk', font());
	doc.addPage();
	doc.font('cjk');
	const usable = PAGE.width - 2 * PAGE.margin;
	const bottom = PAGE.height - PAGE.margin;
	const p = prose(spec, rng);
	const para = (t: string, opts: PDFKit.Mixins.TextOptions = {}) =>
		doc
			.fontSize(10.5)
			.text(t, PAGE.margin, doc.y, { width: usable, ...opts })
			.moveDown(0.3);

	for (const line of titleOf(spec, mess)) doc.fontSize(15).text(line, { align: 'center', width: usable });
	doc.moveDown(0.6);
	p.intro.forEach((t) => para(t));
	para('一、总体情况');
	p.overview.forEach((t) => para(t));
	const repeatHeaders = rng.chance(0.5);
	// Some agencies' PDFs print tables without borders: only the text positions tell the cells.
	const ruled = spec.tableBorders !== false;

	for (const table of layoutTables(spec, rng, mess)) {
		if (doc.y > bottom - 60) doc.addPage();
		para(SECTION_HEADINGS[table.table]);
		const widths = columnWidths(table, usable);
		const xs = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [PAGE.margin]);
		const cells = place(table);
		const rows = table.rows.length;
		// Row heights from the cells that span one row; a spanning cell gets at least its text's height.
		const heights = Array(rows).fill(14);
		for (const c of cells) {
			const w = xs[c.col + c.colspan] - xs[c.col] - 2 * PAD;
			const h = doc.fontSize(c.size).heightOfString(c.text || ' ', { width: w }) + 2 * PAD + 2;
			if (c.rowspan === 1) heights[c.row] = Math.max(heights[c.row], h);
		}
		const headerRows = table.rows.findIndex((r) => r.some((c) => c.kind === 'value'));
		let top = doc.y;
		const tops: { page: number; y: number }[] = [];
		let page = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
		const drawRows = (from: number, to: number) => {
			for (let r = from; r < to; r++) {
				if (top + heights[r] > bottom) {
					doc.addPage();
					page++;
					top = PAGE.margin;
					if (repeatHeaders && r > headerRows) {
						// Word repeats the heading rows on each page of a long table.
						drawRange(0, headerRows);
					}
				}
				tops[r] = { page, y: top };
				top += heights[r];
			}
		};
		/** Rows drawn right away at the current position (the repeated heading rows of a new page). */
		const drawRange = (from: number, to: number) => {
			for (const c of cells.filter((c) => c.row >= from && c.row < to)) {
				const y = top + heights.slice(from, c.row).reduce((a, b) => a + b, 0);
				drawCell(
					c,
					xs,
					y,
					heights.slice(c.row, c.row + c.rowspan).reduce((a, b) => a + b, 0)
				);
			}
			top += heights.slice(from, to).reduce((a, b) => a + b, 0);
		};
		const drawCell = (c: Placed, xs: number[], y: number, h: number) => {
			const x = xs[c.col];
			const w = xs[c.col + c.colspan] - x;
			if (ruled) doc.lineWidth(0.5).rect(x, y, w, h).stroke();
			if (!c.text) return;
			doc.fontSize(c.size);
			const th = doc.heightOfString(c.text, { width: w - 2 * PAD });
			doc.text(c.text, x + PAD, y + Math.max(PAD, (h - th) / 2), { width: w - 2 * PAD, lineBreak: true });
		};
		drawRows(0, rows);
		// Draw each cell on the page of its first row; a spanning cell is cut at the page end.
		for (const c of cells) {
			const at = tops[c.row];
			doc.switchToPage(at.page);
			let h = 0;
			for (let r = c.row; r < c.row + c.rowspan && tops[r].page === at.page; r++) h += heights[r];
			drawCell(c, xs, at.y, h);
		}
		doc.switchToPage(page);
		doc.x = PAGE.margin;
		doc.y = top + 8;
	}
	if (doc.y > bottom - 80) doc.addPage();
	para('五、存在的主要问题及改进情况');
	p.problems.forEach((t) => para(t));
	para('六、其他需要报告的事项');
	p.other.forEach((t) => para(t));
	doc.moveDown(1);
	para(spec.signature, { align: 'right' });
	para(chineseDate(spec.published), { align: 'right' });

	// Running head and page numbers, drawn last on every page.
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Inside the bottom margin: without this pdfkit would start a new page for the footer.
		doc.page.margins.bottom = 0;
		doc.fontSize(8).text(`${spec.signature}政府信息公开工作年度报告`, PAGE.margin, 30, { width: usable, align: 'center', lineBreak: false });
		doc.fontSize(9).text(`- ${i + 1} -`, PAGE.margin, PAGE.height - 40, { width: usable, align: 'center', lineBreak: false });
	}
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}
