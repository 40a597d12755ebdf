/**
 * Real reports as agencies published them, against their hand-transcribed figures: every cell
 * exactly, agency and year recognised, one region per agency across years, the pre-2019 report
 * rejected with its reason. A cell that is absent fails as surely as a wrong one.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline';
import type { Parsed } from '../../ingest/parse-file';
import type { ChildNode } from 'domhandler';

const DIR = 'tests/fixtures/real';

interface Expected {
	file: string;
	agency_core: string;
	year: number;
	format: string;
	figures: Record<string, number | null>;
}

/** Every transcribed cell of the expected file equal in the parse: its transcription, for further checks. */
function expectEveryCell(result: Parsed, expectedFile: string): Expected {
	const e: Expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
	const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
	expect(Object.entries(e.figures).filter(([k, v]) => got.get(k) !== v)).toEqual([]);
	return e;
}

describe('real reports', async () => {
	const out = mkdtempSync(path.join(tmpdir(), 'real-'));
	const summary = await runIngest([DIR], { out, threads: 1 });
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const rows = async (q: string) => (await con.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[];
	const reports = await rows(`SELECT report_id, source_name, agency, year, format, division_code FROM '${out}/reports.parquet'`);
	const figures = await rows(`SELECT report_id, table_code || '.' || row_code || '.' || col_code AS k, value FROM '${out}/figures.parquet'`);
	const expected: Expected[] = readdirSync(DIR)
		.filter((f) => f.endsWith('.expected.json'))
		.map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')));

	it.each(expected.map((e) => [e.file, e] as const))('%s: every transcribed cell, agency, year and format', (_file, e) => {
		const report = reports.find((r) => String(r.source_name) === e.file);
		expect(report, `${e.file} was ingested`).toBeDefined();
		expect(Number(report!.year)).toBe(e.year);
		expect(String(report!.agency)).toContain(e.agency_core);
		expect(report!.format).toBe(e.format);
		const got = new Map(figures.filter((f) => f.report_id === report!.report_id).map((f) => [String(f.k), f.value === null ? null : Number(f.value)]));
		const wrong = Object.entries(e.figures)
			.filter(([k, v]) => got.get(k) !== v)
			.map(([k, v]) => `${k}: ${got.get(k)} (want ${v})`);
		expect(wrong).toEqual([]);
	});

	it('what could not be read is a failed extraction check; a row recovered from the other copy is not', async () => {
		const unread = await rows(`SELECT r.source_name, c.check_code FROM '${out}/checks.parquet' c JOIN '${out}/reports.parquet' r USING (report_id) WHERE c.kind = 'extraction'`);
		expect(unread).toEqual([]);
		const alone = mkdtempSync(path.join(tmpdir(), 'real-alone-'));
		await runIngest([path.join(DIR, 'pingtan-2023.page.txt')], { out: alone, threads: 1 });
		const checks = await rows(`SELECT check_code, passed, missing_cells, message FROM '${alone}/checks.parquet' WHERE kind = 'extraction'`);
		expect(checks.map((c) => c.check_code)).toEqual(['extraction.rows_rejected.active']);
		expect(checks[0].passed).toBe(false);
		expect(JSON.parse(String(checks[0].missing_cells))).toEqual(['active.normative.issued', 'active.normative.repealed', 'active.normative.in_force']);
		expect(String(checks[0].message)).toContain('77132470');
	});

	it('one agency resolves to one region in every year', () => {
		const pingtan = reports.filter((r) => String(r.agency) === '平潭综合实验区');
		expect(pingtan.length).toBe(4);
		expect(new Set(pingtan.map((r) => r.division_code))).toEqual(new Set(['350128']));
	});

	it('rejects the pre-2019 report with its reason, and says how each file was read', () => {
		const old = summary.statuses.find((s) => s.file.endsWith('pingtan-2018.page.txt'));
		expect(old?.status).toBe('rejected');
		expect(old?.reason).toMatch(/2019 年以前|pre-2019/);
		const crawler = summary.statuses.find((s) => s.file.endsWith('pingtan-2022.page.txt'));
		expect(crawler?.reading).toMatchObject({ reader: 'text', identity: { agency: expect.stringContaining('页面信息'), year: expect.stringContaining('页面信息') } });
		expect(crawler?.reading?.layout).toMatch(/正文在一行/);
		const pdf = summary.statuses.find((s) => s.file.endsWith('hongze-2024.pdf'));
		expect(pdf?.reading).toMatchObject({ reader: 'pdf', identity: { agency: '标题', year: '标题' } });
		// The crawler text's one ambiguous proactive row (“8855698”) was cut by what its own words state
		// (制发的规范性文件88件); 2023's (“77132470”: its words name 77, which several cuts begin with) by
		// the portal page of the same report.
		expect(crawler?.warnings.find((w) => w.code === 'reconstructed' && w.rows?.includes('normative'))?.message).toMatch(/正文所述.*88件/);
		const crawler2023 = summary.statuses.find((s) => s.file.endsWith('pingtan-2023.page.txt'));
		expect(crawler2023?.warnings.some((w) => w.code === 'cut_by_copy')).toBe(true);
	});
});

describe('a crawler text without its header', () => {
	it('takes the agency from its body, its contact line or its signature, and says which, warned as weak', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const text = readFileSync(path.join(DIR, 'pingtan-2023.page.txt'), 'utf8').split(/={5,} 正文 ={5,}\n/)[1];
		// 汇总平潭综合实验区各有关单位…编制而成: the region whose units' work the report sums.
		const summing = await parseReport('report.txt', new TextEncoder().encode(text));
		expect(summing).toMatchObject({ status: 'ok', report: { agency: '平潭综合实验区', year: 2023 } });
		if (summing.status === 'ok') expect(summing.warnings.find((w) => w.code === 'agency_weak')?.message).toContain('正文');
		const body = text.replace(/汇总平潭综合实验区各有关单位/, '');
		const contact = await parseReport('report.txt', new TextEncoder().encode(body));
		// A government's office is kept whole: it may be the publisher itself.
		expect(contact).toMatchObject({ status: 'ok', report: { agency: '平潭综合实验区管委会办公室', year: 2023 } });
		if (contact.status === 'ok') expect(contact.warnings.find((w) => w.code === 'agency_weak')?.message).toContain('联系或编制科室');
		const signed = body.replace(/如对本报告[^。]*联系。/, '') + '\n平潭综合实验区管委会\n2024年1月20日\n';
		const bySignature = await parseReport('report.txt', new TextEncoder().encode(signed));
		expect(bySignature).toMatchObject({ status: 'ok', report: { agency: '平潭综合实验区管委会', published: '2024-01-20' } });
		if (bySignature.status === 'ok') expect(bySignature.warnings.find((w) => w.code === 'agency_weak')?.message).toContain('取自落款（署名和日期）');
	});
});

describe('a crawler text alone', () => {
	it('reads every cell it can cut, refuses the ambiguous proactive row, and has no wrong cell', async () => {
		const { parseFile } = await import('../../ingest/parse-file');
		const r = await parseFile(path.join(DIR, 'pingtan-2023.page.txt'), {});
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, 'pingtan-2023.page.txt.expected.json'), 'utf8'));
		const got = new Map(r.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
		const wrong = Object.entries(e.figures).filter(([k, v]) => got.has(k) && got.get(k) !== v);
		expect(wrong).toEqual([]);
		expect([...got.keys()].filter((k) => k in e.figures).length).toBe(197);
		expect(r.warnings.find((w) => w.code === 'rows_rejected')?.rows).toEqual(['normative']);
	});
});

describe('a real page as a crawler kept it, one cell per line closed by " |"', () => {
	// The same portal pages, their table cells written one per line as some crawlers keep them:
	// with every cell, and with the empty cells left out.
	it.each([
		['pingtan-2022.page.html', false],
		['pingtan-2023.page.html', true]
	] as const)('%s (empty cells dropped: %s): every transcribed cell, no row placed by order', async (file, dropEmpty) => {
		const { readHtml } = await import('../../src/lib/ingest/readers/html');
		const { parseReport } = await import('../../ingest/parse-file');
		const lines: string[] = [];
		for (const b of readHtml(readFileSync(path.join(DIR, file), 'utf8')).blocks) {
			if (b.kind === 'text') lines.push(b.text);
			else for (const cell of b.rows.flat()) if (!(dropEmpty && cell.trim() === '')) lines.push(`${cell.trim()} |`);
		}
		const result = await parseReport(file.replace('.html', '.cells.txt'), new TextEncoder().encode(lines.join('\n')));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.report.year).toBe(e.year);
		expect(result.report.agency).toContain(e.agency_core);
		expect(result.reading.layout).toContain('每个单元格一行');
		expect(result.reading.placed_by_order).toEqual([]);
	});
});

describe('a real page kept one cell per line, with a label lost', () => {
	// Every text cell of the tables left out in turn: a row that lost its label joins the row
	// above; neither may then be read with the other's figures.
	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: no figure read wrong, whichever label is lost', async (file) => {
		const { readHtml } = await import('../../src/lib/ingest/readers/html');
		const { parseReport } = await import('../../ingest/parse-file');
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		const blocks = readHtml(readFileSync(path.join(DIR, file), 'utf8')).blocks;
		const cells = blocks.flatMap((b, i) => (b.kind === 'table' ? b.rows.flatMap((r, j) => r.map((c, k) => [i, j, k, c.trim()] as const)) : []));
		const labels = cells.filter(([, , , c]) => c !== '' && !/^[\d.]+$/.test(c));
		expect(labels.length).toBeGreaterThan(150);
		let wrong: string[] = [];
		for (const [bi, ri, ci] of labels) {
			const lines = blocks.flatMap((b, i) =>
				b.kind === 'text' ? [b.text] : b.rows.flatMap((r, j) => r.flatMap((c, k) => (i === bi && j === ri && k === ci ? [] : [`${c.trim()} |`])))
			);
			const result = await parseReport(file.replace('.html', '.cells.txt'), new TextEncoder().encode(lines.join('\n')), { agency: e.agency_core, year: e.year });
			if (result.status !== 'ok') continue;
			const label = blocks[bi].kind === 'table' ? blocks[bi].rows[ri][ci] : '';
			wrong = wrong.concat(
				result.figures
					.filter((f) => f.value !== null && f.value !== e.figures[`${f.table_code}.${f.row_code}.${f.col_code}`])
					.map((f) => `${label} lost: ${f.table_code}.${f.row_code}.${f.col_code} = ${f.value}`)
			);
		}
		expect(wrong).toEqual([]);
	});
});

/**
 * A portal page as other crawlers keep it: each cell closed by ` |` (an empty cell a bare `|`),
 * each row closed by one bar per grid place its spans cover (`||`), sometimes opened by a bar, its
 * cells one per line or all on one line (`| a | b | ||`, markdown without the separator line).
 * Built from the page's own rowspans and colspans.
 */
async function spanBarText(file: string, rowPerLine: boolean, opener: boolean): Promise<string> {
	const { parseDocument, DomUtils } = await import('htmlparser2');
	const { isTag } = await import('domhandler');
	const lines: string[] = [];
	const walk = (n: ChildNode) => {
		if (n.type === 'text') {
			const t = n.data.replace(/\s+/g, ' ').trim();
			if (t) lines.push(t);
			return;
		}
		if (!isTag(n) || ['script', 'style', 'head'].includes(n.name)) return;
		if (n.name === 'table' && !DomUtils.findOne((c) => c.name === 'table', n.children, true)) {
			const rows = DomUtils.findAll((c) => c.name === 'tr', n.children);
			const width = Math.max(...rows.map((tr) => tr.children.filter(isTag).reduce((s, td) => s + (td.name === 'td' || td.name === 'th' ? Number(td.attribs.colspan ?? 1) : 0), 0)));
			for (const tr of rows) {
				const cells = tr.children.filter(isTag).filter((td) => td.name === 'td' || td.name === 'th');
				const out = [
					...(opener ? ['|'] : []),
					...cells.map((td) => {
						const t = DomUtils.textContent(td).replace(/\s+/g, ' ').trim();
						return t ? `${t} |` : '|';
					})
				];
				// Every grid place not opened by one of the row's own cells is covered by a span.
				const spanned = width - cells.length;
				if (spanned > 0) out.push('|'.repeat(spanned));
				if (rowPerLine) lines.push(out.join(' '));
				else lines.push(...out);
			}
			return;
		}
		n.children.forEach(walk);
	};
	parseDocument(readFileSync(path.join(DIR, file), 'utf8')).children.forEach(walk);
	return lines.join('\n');
}

describe('a real page as a crawler kept it, rows closed by runs of bars for their spans', () => {
	it.each([
		['pingtan-2022.page.html', false, false],
		['pingtan-2023.page.html', false, true],
		['pingtan-2022.page.html', true, true],
		['pingtan-2023.page.html', true, false]
	] as const)('%s (a row per line: %s, each row opened by a bar: %s): every transcribed cell, none placed by order', async (file, rowPerLine, opener) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const text = await spanBarText(file, rowPerLine, opener);
		expect(text).toMatch(rowPerLine ? / \| \|\|\|+$/m : /^\S.* \|\n\|\|\|+$/m);
		const result = await parseReport(file.replace('.html', '.bars.txt'), new TextEncoder().encode(text));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.report.year).toBe(e.year);
		expect(result.reading.placed_by_order).toEqual([]);
	});
});

describe('a real page as Markdown-like rows without the separator line (| a | b |)', () => {
	// Each table row on a line, opened and closed by a bar. A blank cell is `|  |`; one crawler
	// drops a cell altogether. Every figure of the 15 in section 四's one row of figures in turn.
	const pipeRows = async (file: string, change: (rows: string[][]) => void, markdown = false, padded = false) => {
		const { readHtml } = await import('../../src/lib/ingest/readers/html');
		const lines: string[] = [];
		for (const b of readHtml(readFileSync(path.join(DIR, file), 'utf8')).blocks) {
			if (b.kind === 'text') lines.push(b.text);
			else {
				// A label spanning columns is written once, its other places left empty (`padded`), or in each.
				const rows = b.rows.map((r) => r.map((c, i) => (padded && i > 0 && c === r[i - 1] && !/^\d+$/.test(c) ? '' : c.trim())));
				change(rows);
				// As OCR tools write Markdown: a separator line under the first row.
				lines.push(...rows.flatMap((r, i) => [`| ${r.join(' | ')} |`, ...(markdown && i === 0 ? [`|${r.map(() => ' --- ').join('|')}|`] : [])]));
			}
		}
		return new TextEncoder().encode(lines.join('\n'));
	};
	const appealsRow = (rows: string[][]) => rows.findIndex((r) => r.length === 15 && r.every((c) => /^\d+$/.test(c)));

	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: a blank cell anywhere in the row is that cell left blank, the others as printed', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		for (let blank = 0; blank < 15; blank++) {
			const bytes = await pipeRows(file, (rows) => {
				const at = appealsRow(rows);
				if (at >= 0) rows[at][blank] = '';
			});
			const result = await parseReport(file.replace('.html', '.pipes.txt'), bytes, { agency: e.agency_core, year: e.year });
			if (result.status !== 'ok') throw new Error(result.reason);
			const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
			// The transcription lists section 四's cells in the printed order.
			const key = Object.keys(e.figures).filter((k) => k.startsWith('appeals.'))[blank];
			expect(got.get(key) ?? null, `${file}: ${key} left blank`).toBeNull();
			expect(Object.entries(e.figures).filter(([k, v]) => k !== key && got.get(k) !== v)).toEqual([]);
		}
	});

	it.each([
		['pingtan-2022.page.html', false],
		['pingtan-2023.page.html', false],
		['pingtan-2022.page.html', true],
		['pingtan-2023.page.html', true]
	] as const)('%s as OCR Markdown (spanned label places empty: %s): a blank first figure is never taken for a place OCR left empty', async (file, padded) => {
		// Markdown from OCR may run two figures into one cell; a blank first cell then made the row one
		// figure short, and its last figure was cut in two to fill it (74 → 7, 4).
		const { parseReport } = await import('../../ingest/parse-file');
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		let blanked = 0;
		const rowsOfFigures = (rows: string[][]) => rows.map((r, i) => [r, i] as const).filter(([r]) => r.filter((c) => /^\d+$/.test(c)).length === 7);
		const count = rowsOfFigures(
			(await import('../../src/lib/ingest/readers/html')).readHtml(readFileSync(path.join(DIR, file), 'utf8')).blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []))
		).length;
		expect(count).toBeGreaterThan(20);
		for (let k = 0; k < count; k++) {
			let seen = 0;
			const bytes = await pipeRows(
				file,
				(rows) => {
					for (const [r] of rowsOfFigures(rows)) if (seen++ === k) r[r.findIndex((c) => /^\d+$/.test(c))] = '';
				},
				true,
				padded
			);
			const result = await parseReport(file.replace('.html', '.md'), bytes, { agency: e.agency_core, year: e.year });
			if (result.status !== 'ok') throw new Error(result.reason);
			expect(result.reading.reader).toBe('markdown');
			const wrong = result.figures.filter((f) => f.value !== null && f.value !== e.figures[`${f.table_code}.${f.row_code}.${f.col_code}`]);
			expect(
				wrong.map((f) => `${f.row_code}.${f.col_code} = ${f.value}`),
				`row ${k} blanked`
			).toEqual([]);
			blanked += result.figures.filter((f) => f.value === null).length;
		}
		// Where the identities tell, the blank is read as blank and the rest of its row as printed.
		expect(blanked).toBeGreaterThan(count / 2);
	});

	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s as OCR Markdown: a blank among section 四’s fifteen figures stays in its place', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		const appeals = Object.keys(e.figures).filter((k) => k.startsWith('appeals.'));
		for (let blank = 0; blank < 15; blank++) {
			const bytes = await pipeRows(
				file,
				(rows) => {
					const at = appealsRow(rows);
					if (at >= 0) rows[at][blank] = '';
				},
				true
			);
			const result = await parseReport(file.replace('.html', '.md'), bytes, { agency: e.agency_core, year: e.year });
			if (result.status !== 'ok') throw new Error(result.reason);
			const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
			expect(got.get(appeals[blank]), `${appeals[blank]} blank`).toBeNull();
			expect(appeals.filter((k, i) => i !== blank && got.get(k) !== e.figures[k])).toEqual([]);
		}
	});

	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: a row with a cell dropped is not read, never read shifted', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		for (let dropped = 0; dropped < 15; dropped++) {
			const bytes = await pipeRows(file, (rows) => {
				const at = appealsRow(rows);
				if (at >= 0) rows[at].splice(dropped, 1);
			});
			const result = await parseReport(file.replace('.html', '.pipes.txt'), bytes, { agency: e.agency_core, year: e.year });
			if (result.status !== 'ok') throw new Error(result.reason);
			const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
			const wrong = Object.entries(e.figures).filter(([k, v]) => got.has(k) && got.get(k) !== null && got.get(k) !== v);
			expect(wrong, `${file}: cell ${dropped} dropped`).toEqual([]);
			expect(Object.entries(e.figures).filter(([k, v]) => !k.startsWith('appeals.') && got.get(k) !== v)).toEqual([]);
		}
	});
});

describe('a real page whose tables were pasted into the editor as paragraphs (no table markup)', () => {
	// A table copied from a PDF or a Word file into a portal's editor often arrives as text: a
	// paragraph per cell, or a paragraph per row with its cells between spaces.
	const cellsAsParagraphs = (html: string, perRow: boolean) =>
		html.replace(/<table[\s\S]*?<\/table>/gi, (table) =>
			[...table.matchAll(/<tr[\s\S]*?<\/tr>/gi)]
				.map(([row]) => {
					const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map(([, cell]) =>
						cell
							.replace(/<[^>]+>|&nbsp;/g, ' ')
							.replace(/\s+/g, ' ')
							.trim()
					);
					return perRow ? `<p>${cells.join(' ')}</p>` : cells.map((c) => `<p>${c}</p>`).join('');
				})
				.join('')
		);
	it.each([
		['pingtan-2022.page.html', false],
		['pingtan-2023.page.html', false],
		['pingtan-2022.page.html', true],
		['pingtan-2023.page.html', true]
	] as const)('%s (a paragraph per row: %s): every transcribed cell', async (file, perRow) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const html = cellsAsParagraphs(readFileSync(path.join(DIR, file), 'utf8'), perRow);
		expect(html).not.toMatch(/<table/i);
		const result = await parseReport(file, new TextEncoder().encode(html));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.report.year).toBe(e.year);
		expect(result.report.agency).toContain(e.agency_core);
		expect(result.reading.layout).toContain('网页文字中的表格');
	});
});

describe('a real page as a crawler kept it, its figures misread as by OCR', () => {
	// Each figure now and then recognised as a letter (a 0 as O, any figure as Q, l, B, S, a) or one
	// digit of it so (10690 as 1069O, 55 as 5S), as an OCR tool reads a scanned page: a 0 read as O is
	// read as 0; another letter loses that figure alone, its row's other figures staying in their
	// columns; no figure lands in another's place.
	it.each([
		['pingtan-2022.page.html', true],
		['pingtan-2023.page.html', false]
	] as const)('%s (a row per line: %s): every figure read is the transcribed one; exactly the misread cells are lost', async (file, rowPerLine) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const { Rng } = await import('../../generator/rng');
		const text = await spanBarText(file, rowPerLine, false);
		const e: Expected = JSON.parse(readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));
		const rng = new Rng(5);
		for (let round = 0; round < 12; round++) {
			let misread = 0;
			const messy = text.replace(/(?<=^|\| )\d+(?= \|)/gm, (cell) => {
				if (rng.next() >= 0.1) return cell;
				if (cell === '0' && rng.next() < 0.5) return 'O';
				// One digit of a longer figure misread: 0 as O (read), 1, 5, 8 as l, S, B (lost).
				const at = Math.floor(rng.next() * cell.length);
				const letter = ({ '0': 'O', '1': 'l', '5': 'S', '8': 'B' } as Record<string, string>)[cell[at]];
				if (cell.length > 1 && letter) {
					if (letter !== 'O') misread++;
					return cell.slice(0, at) + letter + cell.slice(at + 1);
				}
				misread++;
				return ['Q', 'l', 'B', 'S', 'a'][Math.floor(rng.next() * 5)];
			});
			const result = await parseReport(file.replace('.html', '.ocr.txt'), new TextEncoder().encode(messy));
			if (result.status !== 'ok') throw new Error(result.reason);
			const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
			expect(
				[...got].filter(([k, v]) => e.figures[k] !== v),
				`round ${round}`
			).toEqual([]);
			// Lost: the misread cells, and no other.
			expect(Object.keys(e.figures).length - got.size, `round ${round}`).toBe(misread);
		}
	});
});

describe('a real page whose article is a string in a script (written into the page when it runs)', () => {
	it('is read from the string, never run: every transcribed cell', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const page = readFileSync(path.join(DIR, 'pingtan-2022.page.html'), 'utf8');
		const scripted = page.replace(
			/<body([^>]*)>([\s\S]*)<\/body>/i,
			(_, attrs: string, inner: string) =>
				`<body${attrs}><div id="zoom"></div><script type="text/javascript">var content = ${JSON.stringify(inner).replace(/<\//g, '<\\/')};document.getElementById('zoom').innerHTML = content;</script></body>`
		);
		expect(scripted.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/<td[\s>]/);
		const result = await parseReport('pingtan-2022.scripted.html', new TextEncoder().encode(scripted));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, 'pingtan-2022.page.html.expected.json'));
		expect(result.report.agency).toContain(e.agency_core);
		expect(result.reading.layout).toContain('脚本');
	});
});

/**
 * A real page as PDF-to-Markdown OCR tools write it: Markdown headings and paragraphs, each table
 * as bare HTML (`<table><tr><td colspan="3">…`) with only its spans kept. Built from the page.
 */
async function markdownWithHtmlTables(file: string): Promise<string> {
	const { parseDocument, DomUtils } = await import('htmlparser2');
	const { isTag } = await import('domhandler');
	const parts: string[] = [];
	const walk = (n: ChildNode) => {
		if (n.type === 'text') {
			const t = n.data.replace(/\s+/g, ' ').trim();
			if (t) parts.push(/年度报告$/.test(t) && !parts.some((p) => p.startsWith('# ')) ? `# ${t}` : t);
			return;
		}
		if (!isTag(n) || ['script', 'style', 'head'].includes(n.name)) return;
		if (n.name === 'table' && !DomUtils.findOne((c) => c.name === 'table', n.children, true)) {
			const rows = DomUtils.findAll((c) => c.name === 'tr', n.children).map((tr) => {
				const cells = tr.children.filter(isTag).filter((td) => td.name === 'td' || td.name === 'th');
				const td = (c: (typeof cells)[number]) =>
					`<td${['colspan', 'rowspan'].map((a) => (c.attribs[a] ? ` ${a}="${c.attribs[a]}"` : '')).join('')}>${DomUtils.textContent(c).replace(/\s+/g, ' ').trim()}</td>`;
				return `<tr>${cells.map(td).join('')}</tr>`;
			});
			parts.push(`<table>${rows.join('')}</table>`);
			return;
		}
		n.children.forEach(walk);
	};
	parseDocument(readFileSync(path.join(DIR, file), 'utf8')).children.forEach(walk);
	return parts.join('\n\n');
}

describe('a real page as an OCR tool writes it: Markdown text with HTML tables', () => {
	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: every transcribed cell, agency and year from the heading, none placed by order', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const markdown = await markdownWithHtmlTables(file);
		expect(markdown).toMatch(/^# .+年度报告$/m);
		expect(markdown).not.toMatch(/<(html|body|p|div)[\s>]/);
		const result = await parseReport(file.replace('.page.html', '.ocr.md'), new TextEncoder().encode(markdown));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.report.year).toBe(e.year);
		expect(result.report.agency).toContain(e.agency_core);
		expect(result.reading.layout).toContain('Markdown 中的 HTML 表格');
		expect(result.reading.placed_by_order).toEqual([]);
	});
});

describe('a real page printed to PDF by a browser or exported by an office suite (its tables broken by pages), and the text pdftotext gives of a real PDF', () => {
	const PRINTED = 'tests/fixtures/real-printed';
	it.each([
		'pingtan-2022.print.pdf',
		'pingtan-2023.print.pdf',
		'pingtan-2022.office.pdf',
		'pingtan-2023.justified.pdf',
		'pingtan-2022.letterspaced.pdf',
		'pingtan-2023.jittered.pdf',
		'pingtan-2022.jittered-ruled.pdf',
		'pingtan-2022.headers.pdf',
		'pingtan-2022.radicals.pdf',
		'pingtan-2022.copied.txt',
		'pingtan-2023.copied.txt',
		'hongze-2024.pdftotext.txt',
		'pingtan-2023.office.txt',
		'pingtan-2023.office.doc',
		'pingtan-2023.office.docx',
		'pingtan-2022.layout-table.docx',
		'pingtan-2023.blanks.pdf'
	])('%s: every transcribed cell, none placed by order', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const result = await parseReport(file, new Uint8Array(readFileSync(path.join(PRINTED, file))));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(PRINTED, `${file}.expected.json`));
		expect(result.report.year).toBe(e.year);
		expect(result.report.agency).toContain(e.agency_core);
		if (file.endsWith('.pdf')) {
			expect(result.reading.layout).toContain('按表格线');
			expect(result.reading.placed_by_order).toEqual([]);
		}
	});
});

describe('the text pdftotext gives of a real page printed with blank cells (empty, /, —, -)', () => {
	// An empty cell leaves only spaces: its row is one figure short, and a two-digit figure in it (80)
	// could as well be two run together. The columns the whole rows' figures stand in place the
	// shorter rows' figures (-layout keeps them); the marks (/, —) hold their cells' places.
	it('no figure wrong; a row one short read by its figures’ columns, its blank kept blank', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const file = 'pingtan-2023.blanks.pdftotext.txt';
		const result = await parseReport(file, new Uint8Array(readFileSync(path.join('tests/fixtures/real-printed', file))));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e: Expected = JSON.parse(readFileSync(path.join('tests/fixtures/real-printed', `${file}.expected.json`), 'utf8'));
		const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
		expect(Object.entries(e.figures).filter(([k, v]) => got.has(k) && got.get(k) !== v)).toEqual([]);
		expect([...got.values()].filter((v) => v === null).length).toBeGreaterThan(2);
		// 一、本年新收 printed 80 1 0 0 0 0 and its 总计 blank: not 8 and 0.
		expect([got.get('requests.new.natural'), got.get('requests.new.total')]).toEqual([80, null]);
		expect(got.size).toBeGreaterThan(130);
	});
});

describe('a real page exported to PDF by an office suite from tables without borders', () => {
	// No ruling lines: cells by the glyphs' places, figures of a narrow column run into one cell
	// (`0 74`), a label run into its figure (`行政事业性收费5949.088667`).
	// With blank cells (no text at all, or a mark): the rows printing all seven figures say where
	// section 三's columns are, and a shorter row's figures take the columns they stand in.
	it.each(['pingtan-2022.office-borderless.pdf', 'pingtan-2023.office-borderless.pdf', 'pingtan-2022.blanks-borderless.pdf', 'pingtan-2023.blanks-borderless.pdf'])(
		'%s: every transcribed cell (the office exports: none placed by order)',
		async (file) => {
			const { parseReport } = await import('../../ingest/parse-file');
			const result = await parseReport(file, new Uint8Array(readFileSync(path.join('tests/fixtures/real-printed', file))));
			if (result.status !== 'ok') throw new Error(result.reason);
			const e = expectEveryCell(result, path.join('tests/fixtures/real-printed', `${file}.expected.json`));
			expect([result.report.year, result.report.agency]).toEqual([e.year, expect.stringContaining(e.agency_core)]);
			expect(result.reading.layout).toContain('按文字位置');
			// A label on lines of its own beside a row with a blank may be placed by its row's place (named so).
			if (!file.includes('blanks')) expect(result.reading.placed_by_order).toEqual([]);
		}
	);
});

describe('real pages whose characters are Kangxi radicals (text of a PDF whose fonts map glyphs so)', () => {
	/** Every character that has a Kangxi radical twin (人 → ⼈), as such a PDF's text layer gives it. */
	const asRadicals = (text: string) => {
		const twin = new Map<string, string>();
		for (let cp = 0x2f00; cp <= 0x2fd5; cp++) twin.set(String.fromCodePoint(cp).normalize('NFKC'), String.fromCodePoint(cp));
		return [...text].map((ch) => twin.get(ch) ?? ch).join('');
	};
	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: every transcribed cell, agency and year', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const text = asRadicals(readFileSync(path.join(DIR, file), 'utf8'));
		expect(text).toContain('\u2f08');
		const result = await parseReport(file, new TextEncoder().encode(text));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e = expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.report.agency).toContain(e.agency_core);
		expect(result.report.year).toBe(e.year);
		expect(result.warnings.some((w) => w.code === 'han_variants')).toBe(true);
	});

	it.each(['pingtan-2022.page.txt', 'pingtan-2023.page.txt'])('%s (crawler text on one line, cut at row labels): read as the text itself', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const bytes = readFileSync(path.join(DIR, file));
		const [plain, radicals] = await Promise.all([parseReport(file, new Uint8Array(bytes)), parseReport(file, new TextEncoder().encode(asRadicals(bytes.toString('utf8'))))]);
		if (plain.status !== 'ok' || radicals.status !== 'ok') throw new Error('not read');
		expect(radicals.figures).toEqual(plain.figures);
		expect(radicals.report.agency).toBe(plain.report.agency);
	});
});

describe('the real crawler text on one line with blanks printed as marks among the run-together figures', () => {
	// `/`, `—`, `无` mark a blank cell; run together with the figures, each is a cell of its own.
	it.each([
		['上年结转政府信息公开申请数量 1000001', '上年结转政府信息公开申请数量 1/00001', 'requests.carried_in.commercial'],
		['上年结转政府信息公开申请数量 1000001', '上年结转政府信息公开申请数量 1000—01', 'requests.carried_in.legal'],
		['规章000', '规章0无0', 'active.rules.repealed'],
		['规章000', '规章00／', 'active.rules.in_force']
	])('%s printed as %s: %s blank, the rest as printed', async (printed, marked, blank) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const file = 'pingtan-2022.page.txt';
		const text = readFileSync(path.join(DIR, file), 'utf8');
		expect(text).toContain(printed);
		const [plain, result] = await Promise.all([parseReport(file, new TextEncoder().encode(text)), parseReport(file, new TextEncoder().encode(text.replace(printed, marked)))]);
		if (plain.status !== 'ok' || result.status !== 'ok') throw new Error('not read');
		const figures = (r: typeof result) => new Map(r.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
		const [want, got] = [figures(plain), figures(result)];
		expect(got.has(blank) && got.get(blank)).toBeNull();
		expect(want.get(blank)).toBe(0);
		// Every other cell as the text read without the mark (its copy, the page, gives the rest).
		expect([...want].filter(([k, v]) => k !== blank && got.get(k) !== v)).toEqual([]);
		expect(got.size).toBe(want.size);
	});
});

describe('the blank form (the format as the 2021 notice printed it, kept on portals beside the reports)', () => {
	const page = readFileSync(path.join(DIR, 'pingtan-2023.page.html'), 'utf8');
	// Every figure cell of the real page emptied, or set to 0.
	const figuresAs = (v: string) => page.replace(/(<td[^>]*>(?:\s|<[^>]+>)*)\d+(?:\.\d+)?((?:\s|<[^>]+>)*<\/td>)/g, `$1${v}$2`);

	it('is refused with its reason, not ingested as a report of blanks', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const blank = figuresAs('');
		expect(blank).not.toMatch(/<td[^>]*>(?:\s|<[^>]+>)*\d+(?:\s|<[^>]+>)*<\/td>/);
		const result = await parseReport('format.html', new TextEncoder().encode(blank));
		expect(result.status).toBe('rejected');
		if (result.status === 'rejected') expect(result.reason).toContain('空白格式');
	});

	it('a report whose figures each carry their unit in brackets (5（件）) is read as the plain figures', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const withUnits = page.replace(/(<td[^>]*>(?:\s|<[^>]+>)*)(\d+(?:\.\d+)?)((?:\s|<[^>]+>)*<\/td>)/g, '$1$2（件）$3');
		expect(withUnits.match(/（件）/g)?.length).toBeGreaterThan(150);
		const result = await parseReport('pingtan-2023.page.html', new TextEncoder().encode(withUnits));
		if (result.status !== 'ok') throw new Error(result.reason);
		expectEveryCell(result, path.join(DIR, 'pingtan-2023.page.html.expected.json'));
	});

	it('a report whose every figure is 0 is a report', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const result = await parseReport('zeros.html', new TextEncoder().encode(figuresAs('0')));
		if (result.status !== 'ok') throw new Error(result.reason);
		expect(result.figures.filter((f) => f.value === 0).length).toBe(200);
	});
});

describe('a real page printed to PDF without its table borders', () => {
	it.each([
		['pingtan-2022.borderless.pdf', 'its justified labels run up to the first figure'],
		['pingtan-2022.valign-a5.pdf', 'on A5, figures at the foot of their cells, labels centred and jumbled over lines']
	])('%s: every transcribed cell (%s)', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const result = await parseReport(file, new Uint8Array(readFileSync(path.join('tests/fixtures/real-printed', file))));
		if (result.status !== 'ok') throw new Error(result.reason);
		expectEveryCell(result, path.join('tests/fixtures/real-printed', `${file}.expected.json`));
	});
});

describe('real pages whose figures do not fit their columns or their page: none read wrong', () => {
	it.each([
		// 5949.088667 wrapped in a narrow borderless cell as 5949.08866 / 7: refused with a warning, never read as two.
		['pingtan-2023.narrow.pdf', ['active.fees.amount_wan'], 196, '两个数字'],
		// A table wider than an A5 page, cut at the page's edge (698 shows as 69): the cut figures are not read.
		['pingtan-2022.office-a5.pdf', ['active.normative.in_force', 'requests.new.total'], 7, '只有 5 个单元格'],
		// Row labels with two characters swapped (以予公开, 属于家国秘密), printed without rules: the granted row's label holds
		// the partial row's start, whose rest stands beside the next figures. Those rows are refused, never shifted.
		['pingtan-2022.typos.pdf', ['requests.granted.natural', 'requests.partial.natural', 'requests.denied_secret.natural'], 179, '跨两行'],
		// Every row label letter-spaced (a space between characters, and 3 px of letter-spacing), printed without borders:
		// labels come out a character per cell, some rows' numbers on lines of their own. No row is shifted.
		['pingtan-2023.spaced-labels.pdf', ['requests.unable_create.natural', 'requests.other_no_fee.natural'], 186, '未读入']
	])('%s', async (file, absent, atLeast, warning) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const result = await parseReport(file, new Uint8Array(readFileSync(path.join('tests/fixtures/real-printed', file))));
		if (result.status !== 'ok') throw new Error(result.reason);
		const e: Expected = JSON.parse(readFileSync(path.join('tests/fixtures/real-printed', `${file}.expected.json`), 'utf8'));
		const got = new Map(result.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));
		expect(Object.entries(e.figures).filter(([k, v]) => got.has(k) && got.get(k) !== v)).toEqual([]);
		for (const k of absent) expect(got.has(k), k).toBe(false);
		expect(result.warnings.some((w) => w.message.includes(warning))).toBe(true);
		expect(Object.keys(e.figures).filter((k) => got.has(k)).length).toBeGreaterThanOrEqual(atLeast);
	});
});

describe('text of a real PDF in content-stream order (pdftotext without -layout)', () => {
	it('is refused with the reason, never read with figures on the wrong rows', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const file = 'hongze-2024.pdftotext-raw.txt';
		const result = await parseReport(file, new Uint8Array(readFileSync(path.join('tests/fixtures/real-printed', file))));
		expect(result.status).toBe('rejected');
		if (result.status === 'rejected') expect(result.reason).toContain('无法对齐');
	});
});

/** A page's text as BeautifulSoup's get_text('\\n') gives it: every text node on a line of its own, empty cells gone. */
async function textNodeLines(file: string): Promise<string> {
	const { parseDocument } = await import('htmlparser2');
	const { isTag } = await import('domhandler');
	const lines: string[] = [];
	const walk = (n: ChildNode) => {
		if (n.type === 'text') {
			const t = n.data.trim();
			if (t) lines.push(t);
		} else if (isTag(n) && !['script', 'style'].includes(n.name)) n.children.forEach(walk);
	};
	parseDocument(readFileSync(path.join(DIR, file), 'utf8')).children.forEach(walk);
	return lines.join('\n');
}

describe('a real page as a crawler keeps its text nodes, one per line (cells one per line, no separators)', () => {
	it.each(['pingtan-2022.page.html', 'pingtan-2023.page.html'])('%s: every transcribed cell, none placed by order', async (file) => {
		const { parseReport } = await import('../../ingest/parse-file');
		const text = await textNodeLines(file);
		expect(text).toMatch(/^一、本年新收政府信息公开申请数量\n\d+\n\d+\n/m);
		const result = await parseReport(file.replace('.page.html', '.nodes.txt'), new TextEncoder().encode(text));
		if (result.status !== 'ok') throw new Error(result.reason);
		expectEveryCell(result, path.join(DIR, `${file}.expected.json`));
		expect(result.reading.layout).toContain('没有分隔符');
		expect(result.reading.placed_by_order).toEqual([]);
	});

	it('with a cell missing (an empty cell dropped), the tables are refused, never read one figure off', async () => {
		const { parseReport } = await import('../../ingest/parse-file');
		const text = (await textNodeLines('pingtan-2023.page.html')).replace(/(一、本年新收政府信息公开申请数量\n\d+\n)\d+\n/, '$1');
		const result = await parseReport('pingtan-2023.gap.txt', new TextEncoder().encode(text));
		expect(result.status).toBe('rejected');
		if (result.status === 'rejected') expect(result.reason).toContain('无法对齐');
	});
});
