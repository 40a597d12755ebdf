import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/ingest/decode';
import { parseReport, type Parsed } from '../../ingest/parse-file';
import { readHtml } from '../../src/lib/ingest/readers/html';
import { readDocx } from '../../src/lib/ingest/readers/docx';
import { strToU8, zipSync } from 'fflate';
import { readText } from '../../src/lib/ingest/readers/text';
import { cellKey } from '../../src/lib/schema/report-format';
import { generateCorpus } from '../../generator/corpus';
import { renderHtml } from '../../generator/render-html';
import { Rng } from '../../generator/rng';
import { CLEAN } from '../../generator/spec';

const HTML = readFileSync('tests/fixtures/html/jinshui-market-2022.html', 'utf8');

function values(p: Parsed) {
	return new Map(p.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]));
}

async function ok(name: string, bytes: Uint8Array): Promise<Parsed> {
	const r = await parseReport(name, bytes);
	if (r.status !== 'ok') throw new Error(r.reason);
	return r;
}

describe('HTML reader', () => {
	it('expands rowspan/colspan into a grid, repeating labels but not figures or blanks', () => {
		const doc = readHtml('<table><tr><td rowspan="2">A</td><td colspan="2">5</td><td colspan="2">&nbsp;</td></tr><tr><td>B</td><td>1</td></tr></table>');
		const table = doc.blocks.find((b) => b.kind === 'table');
		expect(table).toEqual({
			kind: 'table',
			rows: [
				['A', '5', ''],
				['A', 'B', '1']
			]
		});
	});

	it('reads a whole portal page: 2021 format, figures, blanks, units, recognition', async () => {
		const r = await ok('page.html', new TextEncoder().encode(HTML));
		expect(r.report).toMatchObject({
			agency: '郑州市金水区市场监督管理局',
			year: 2022,
			format: '2021',
			published: '2023-01-28',
			division_code: '410105',
			agency_kind: 'market_regulation',
			source_form: 'html'
		});
		const v = values(r);
		expect(v.get('requests.new.total')).toBe(16);
		expect(v.get('requests.new.research')).toBeNull(); // &nbsp; is blank, not zero
		expect(v.get('requests.unable_not_held.total')).toBe(4);
		expect(v.get('requests.rejected_repeat.total')).toBeNull();
		expect(v.get('active.normative.issued')).toBe(2); // full-width digit
		expect(v.get('active.normative.repealed')).toBeNull();
		expect(v.get('active.normative.in_force')).toBe(1204); // thousands separator
		expect(v.get('active.license.decisions')).toBe(35);
		expect(v.get('active.penalty.decisions')).toBeNull(); // a dash: not printed, never 0
		expect(r.figures.find((f) => f.row_code === 'penalty')?.raw.trim()).toMatch(/^[—\-－/无]+$/);
		expect(v.get('active.fees.amount_wan')).toBe(25.1); // 251000元 in a 万元 column
		expect(r.figures.find((f) => f.row_code === 'fees')?.raw).toBe('251000元');
		expect(v.get('appeals.review.total')).toBe(2);
		expect(v.get('appeals.suit_after_review.total')).toBeNull();
		expect(v.has('requests.other')).toBe(false); // 2021 prints 其他处理 as three rows
		expect(v.get('requests.other_misc.total')).toBe(0);
		expect(r.warnings).toEqual([]);
	});

	it('records a blank total as a failed check and keeps the printed figures', async () => {
		const r = await ok('page.html', new TextEncoder().encode(HTML));
		const failed = r.checks
			.filter((c) => c.passed === false)
			.map((c) => c.check_code)
			.sort();
		expect(failed).toEqual(['requests.applicants.rejected_repeat', 'requests.results.total']);
		const results = r.checks.find((c) => c.check_code === 'requests.results.total')!;
		expect(results).toMatchObject({ expected: 15, actual: 16 });
		expect(results.blank_cells).toContain('requests.rejected_repeat.total');
		expect(values(r).get('requests.total.total')).toBe(16);
	});

	it('a cell holding two figures on two lines is not read as one number', async () => {
		const stacked = HTML.replace(
			'<td>6</td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td><td>9</td>',
			'<td>6<br/>2</td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td><td>9</td>'
		);
		expect(stacked).not.toBe(HTML);
		const r = await ok('stacked.html', new TextEncoder().encode(stacked));
		const got = values(r);
		expect(got.has('requests.granted.natural')).toBe(false);
		expect(got.get('requests.granted.commercial')).toBe(2);
		expect(got.get('requests.granted.total')).toBe(9);
		expect(r.warnings.some((w) => w.code === 'unreadable_cell' && w.message.includes('两个数字'))).toBe(true);
	});

	it('a row missing a cell is refused, not read with its figures shifted into the wrong columns', async () => {
		const short = HTML.replace('<td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>', '<td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>');
		expect(short).not.toBe(HTML);
		const r = await ok('short.html', new TextEncoder().encode(short));
		const got = values(r);
		expect([...got.keys()].filter((k) => k.startsWith('requests.partial.'))).toEqual([]);
		expect(got.get('requests.granted.total')).toBe(9);
		expect(r.warnings.find((w) => w.code === 'rows_rejected')?.rows).toEqual(['partial']);
	});

	it('treats scripts as data: the fake title written by a script is ignored', () => {
		const doc = readHtml(HTML);
		expect(doc.blocks.some((b) => b.kind === 'text' && b.text.includes('2099'))).toBe(false);
	});

	it('reads an article kept in a script as a string (generated pages), without running it', async () => {
		const { documents } = generateCorpus({ seed: 5, forms: ['html'], maxAgencies: 2 });
		for (const [i, d] of documents.slice(0, 4).entries()) {
			const html = renderHtml(d.spec, new Rng(i), { ...CLEAN, articleInScript: true });
			expect(html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/<td[\s>]/);
			const r = await ok(`scripted-${i}.html`, new TextEncoder().encode(html));
			expect(new Map(r.figures.map((f) => [cellKey(f.table_code, f.row_code, f.col_code), f.value]))).toEqual(d.spec.figures);
			expect(r.reading.layout).toContain('脚本');
		}
	});

	it('decodes GBK bytes, with or without the meta tag', async () => {
		const gbk = iconv.encode(HTML, 'gbk');
		expect(decodeBytes(gbk).encoding).toBe('gb18030');
		const r = await ok('page.htm', gbk);
		expect(r.report.agency).toBe('郑州市金水区市场监督管理局');
		expect(r.report.source_encoding).toBe('gb18030');
		expect(values(r).get('requests.new.total')).toBe(16);
		const noMeta = iconv.encode(HTML.replace('<meta charset="gbk">', ''), 'gb18030');
		expect((await ok('page.html', noMeta)).report.agency).toBe('郑州市金水区市场监督管理局');
	});
});

describe('text encodings', () => {
	const sample = readFileSync('tests/fixtures/samples/000_0230f7c11c6e0b53.txt', 'utf8');
	it.each([
		['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)])],
		['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')])],
		['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')])],
		['gb18030', iconv.encode(sample.replace(/\u00a0/g, ' '), 'gb18030')]
	])('%s text gives the same report', async (encoding, bytes) => {
		const r = await ok('report.txt', bytes);
		expect(r.report.source_encoding).toBe(encoding);
		expect(r.report.agency).toBe('管城回族区人民防空办公室');
		expect(values(r).get('active.penalty.prev_items')).toBe(7);
		expect(r.figures).toHaveLength(198);
	});
});

describe('text reader', () => {
	it('joins a header split over lines and splits a merged cell of stacked figures', () => {
		const doc = readText('二、主动公开政府信息情况\n\t本年新\n制作数量\n\t0\n\n\t\u00a00\n\u00a01\n\u00a02\n\n五、存在的主要问题');
		const table = doc.blocks.find((b) => b.kind === 'table');
		expect(table).toEqual({
			kind: 'table',
			rows: [
				['本年新制作数量', '0'],
				['\u00a00', '\u00a01', '\u00a02']
			]
		});
	});
	it('takes no label for the value of an info table field left empty', () => {
		const empty = readText('文件名称: | |||\n索引号: | |||\n发文日期: | 公开形式: | ||\n某某市人民政府办公室\n2020年政府信息公开工作年度报告\n一、总体情况');
		expect(empty.meta).toBeUndefined();
		const filled = readText('索引号: | 000/2021-01 | 发布机构: | 某某局 |\n发文日期: | 2021-01-20 | 公开形式: | 主动公开 |\n一、总体情况');
		expect(filled.meta).toMatchObject({ publisher: '某某局', date: '2021-01-20' });
	});
	it('reads rows copied from a web page as tab-separated lines', () => {
		const doc = readText('规章\t1\t2\t3\n行政许可\t4\t5\t6');
		expect(doc.blocks).toEqual([
			{
				kind: 'table',
				rows: [
					['规章', '1', '2', '3'],
					['行政许可', '4', '5', '6']
				]
			}
		]);
	});
});

describe('docx reader', () => {
	it('reads merged cells from the document structure', async () => {
		const cell = (text: string, extra: object = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });
		const doc = new Document({
			sections: [
				{
					children: [
						new Table({
							rows: [
								new TableRow({ children: [cell('（四）无法提供', { rowSpan: 2, verticalMerge: VerticalMergeType.RESTART }), cell('1.本机关不掌握相关政府信息'), cell('3')] }),
								new TableRow({ children: [cell('2.没有现成信息需要另行制作'), cell('')] })
							]
						})
					]
				}
			]
		});
		const parsed = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
		const table = parsed.blocks.find((b) => b.kind === 'table');
		expect(table).toEqual({
			kind: 'table',
			rows: [
				['（四）无法提供', '1.本机关不掌握相关政府信息', '3'],
				['（四）无法提供', '2.没有现成信息需要另行制作', '']
			]
		});
	});

	it('reads text as UTF-8, radical forms unified and counted', async () => {
		const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
		const doc = new Document({
			sections: [{ children: [new Paragraph('⼆、主动公开政府信息情况 €'), new Table({ rows: [new TableRow({ children: [cell('规章'), cell('𠀀 ⼈')] })] })] }]
		});
		const parsed = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
		expect(parsed.blocks).toEqual([
			{ kind: 'text', text: '二、主动公开政府信息情况 €' },
			{ kind: 'table', rows: [['规章', '𠀀 人']] }
		]);
		expect(parsed.hanVariants).toBe(2);
	});

	it('reads a layout table (one holding tables) as the flow of its cells: paragraphs as text, inner tables as tables', () => {
		const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
		const tc = (body: string) => `<w:tc><w:tcPr></w:tcPr>${body}<w:p/></w:tc>`;
		const data = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => tc(p(c))).join('')}</w:tr>`).join('')}</w:tbl>`;
		// A page pasted into Word: the whole article in one cell of a layout table, a nested layout table inside it.
		const inner = `<w:tbl><w:tr>${tc(p('二、主动公开政府信息情况') + data([['规章', '0', '1']]))}</w:tr></w:tbl>`;
		const layout = `<w:tbl><w:tr>${tc(
			p('某某区统计局2023年政府信息公开工作年度报告') +
				p('一、总体情况') +
				inner +
				p('四、政府信息公开行政复议、行政诉讼情况') +
				data([
					['维持', '1'],
					['纠正', '0']
				])
		)}</w:tr></w:tbl>`;
		const xml = `<?xml version="1.0"?><w:document><w:body>${p('首页')}${layout}${p('五、存在的主要问题及改进情况')}</w:body></w:document>`;
		expect(readDocx(zipSync({ 'word/document.xml': strToU8(xml) })).blocks).toEqual([
			{ kind: 'text', text: '首页' },
			{ kind: 'text', text: '某某区统计局2023年政府信息公开工作年度报告' },
			{ kind: 'text', text: '一、总体情况' },
			{ kind: 'text', text: '二、主动公开政府信息情况' },
			{ kind: 'table', rows: [['规章', '0', '1']] },
			{ kind: 'text', text: '四、政府信息公开行政复议、行政诉讼情况' },
			{
				kind: 'table',
				rows: [
					['维持', '1'],
					['纠正', '0']
				]
			},
			{ kind: 'text', text: '五、存在的主要问题及改进情况' }
		]);
	});

	it('lines up merged cells in a row that starts after its first grid columns (w:gridBefore)', () => {
		const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
		const tr = (cells: string, props = '') => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
		// Row 2 leaves its first grid column out; its label cell continues the merge of row 1's second column.
		const table =
			'<w:tbl>' +
			tr(tc('三、本年度办理结果') + tc('（三）不予公开', '<w:vMerge w:val="restart"/>') + tc('1.属于国家秘密') + tc('0')) +
			tr(tc('', '<w:vMerge/>') + tc('2.其他法律行政法规禁止公开') + tc('4'), '<w:gridBefore w:val="1"/>') +
			'</w:tbl>';
		const xml = `<?xml version="1.0"?><w:document><w:body>${table}</w:body></w:document>`;
		const parsed = readDocx(zipSync({ 'word/document.xml': strToU8(xml) }));
		expect(parsed.blocks).toEqual([
			{
				kind: 'table',
				rows: [
					['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0'],
					['（三）不予公开', '2.其他法律行政法规禁止公开', '4']
				]
			}
		]);
	});

	it('reads a text box once, though Word writes it twice (mc:Choice and mc:Fallback)', () => {
		const box = (inner: string) => `<w:p><w:r><w:txbxContent><w:p><w:r><w:t>${inner}</w:t></w:r></w:p></w:txbxContent></w:r></w:p>`;
		const xml = `<?xml version="1.0"?><w:document><w:body><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('某某区人民政府2023年政府信息公开工作年度报告')}</mc:Choice><mc:Fallback>${box('某某区人民政府2023年政府信息公开工作年度报告')}</mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>一、总体情况 &amp; 说明</w:t></w:r></w:p></w:body></w:document>`;
		const texts = readDocx(zipSync({ 'word/document.xml': strToU8(xml) })).blocks.map((b) => (b.kind === 'text' ? b.text : ''));
		expect(texts.join('\n').match(/年度报告/g)).toHaveLength(1);
		expect(texts).toContain('一、总体情况 & 说明');
	});
});
