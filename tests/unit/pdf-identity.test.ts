/**
 * A PDF whose words stand apart: a title in distributed alignment (分散对齐) or the text layer an
 * OCR program lays over a scanned page places each character or word on its own, so a line comes
 * out of the reader as a row of cells, not one piece of text. Agency and year are still read.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import '../../ingest/node-host';
import { font } from '../../generator/render-pdf';
import { readPdf } from '../../src/lib/ingest/readers/pdf';
import { recognize } from '../../src/lib/ingest/recognize';

/** Each line's words (split at spaces) drawn one by one, a character's width or more apart. */
async function spacedPdf(lines: string[]): Promise<Uint8Array> {
	const doc = new PDFDocument({ size: 'A4' });
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise((r) => doc.on('end', r));
	doc.registerFont('cjk', font());
	doc.font('cjk').fontSize(14);
	lines.forEach((line, i) => {
		let x = 60;
		for (const word of line.split(' ')) {
			doc.text(word, x, 80 + i * 30, { lineBreak: false });
			x += doc.widthOfString(word) + 16;
		}
	});
	doc.end();
	await done;
	return new Uint8Array(Buffer.concat(chunks));
}

describe('a PDF whose title comes apart into words', () => {
	it('a title in distributed alignment, the year on the next line in brackets', async () => {
		const doc = await readPdf(await spacedPdf(['某 某 县 交 通 运 输 局', '政 府 信 息 公 开 工 作 年 度 报 告', '（2022年度）', '一、总体情况']));
		expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
		expect(recognize(doc, 'report.pdf')).toMatchObject({ agency: '某某县交通运输局', year: 2022, sources: { agency: '标题', year: '标题' } });
	});

	it('an OCR text layer: the title and the statistics period in words', async () => {
		const doc = await readPdf(
			await spacedPdf([
				'淮安 市洪 泽 区 人 民政 府',
				'2024 年 政府 信息 公开 工作 年 度 报告',
				'本报告 由 淮安 市 洪 泽 区 人 民政 府 办 公 室 编制 。',
				'统计 期 限 自 2024 年 1 月 1 日 起 至 2024 年 12 月 31 日 止 。'
			])
		);
		expect(recognize(doc, 'scan.pdf')).toMatchObject({ agency: '淮安市洪泽区人民政府', year: 2024, sources: { agency: '标题', year: '标题' } });
	});
});
