/** Broken and hostile inputs: each gets a clear status, nothing runs, nothing is invented. */
import { closeSync, mkdtempSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../generator/corpus';
import { Rng } from '../../generator/rng';
import { allWordings } from '../../generator/wordings';
import { parseFile, parseReport, type Parsed } from '../../ingest/parse-file';

const SAMPLE = readFileSync('tests/fixtures/samples/000_0230f7c11c6e0b53.txt');
const HTML = readFileSync('tests/fixtures/html/jinshui-market-2022.html');
const STACK = /\n\s+at .+:\d+/;

async function docx(): Promise<Uint8Array> {
	const d = generateCorpus({ seed: 11, maxAgencies: 6 }).documents.find((x) => x.form === 'docx')!;
	return d.bytes();
}

describe('hostile and broken inputs', () => {
	const rng = new Rng(42);
	const random = Uint8Array.from({ length: 4096 }, () => Math.floor(rng.next() * 256));

	it.each([
		['empty.txt', new Uint8Array(), '空'],
		['random.docx', random, '不是 Word 文档'],
		['random.pdf', random, 'PDF'],
		['random.txt', random, '不是文本'],
		['not-a-report.html', readFileSync('tests/fixtures/hostile/not-a-report.html'), '未找到年度报告的表格'],
		['old-format-2017.txt', readFileSync('tests/fixtures/hostile/old-format-2017.txt'), '2019 年以前']
	])('%s is rejected with a reason a person can act on', async (name, bytes, reason) => {
		const r = await parseReport(name, bytes);
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') {
			expect(r.reason).toContain(reason);
			expect(r.reason).not.toMatch(STACK);
		}
	});

	it('a .docx cut off half way is rejected as damaged', async () => {
		const bytes = await docx();
		const r = await parseReport('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
		expect(r).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/损坏|不完整|word\/document\.xml/) });
	});

	it('an 80 MB text is refused before it is read', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'big-')), 'big.txt');
		const fd = openSync(file, 'w');
		ftruncateSync(fd, 80 * 1024 * 1024);
		closeSync(fd);
		const r = await parseFile(file, {});
		expect(r).toMatchObject({ status: 'rejected', reason: expect.stringContaining('50 MB') });
	});

	it('rows of thousands of digits are read in no time, not by backtracking (they took seconds to minutes)', async () => {
		const text = [
			'某某局2023年政府信息公开工作年度报告',
			'三、收到和处理政府信息公开申请情况',
			`一、本年新收政府信息公开申请数量 ${'1'.repeat(20000)}x`,
			`（一）予以公开 ${'1 '.repeat(10000)}`,
			'五、存在的主要问题及改进情况'
		].join('\n');
		const r = await parseReport('long-row.txt', new TextEncoder().encode(text));
		// The rows are no figures (too many digits): refused, never read.
		if (r.status === 'ok') expect(r.figures.filter((f) => f.table_code === 'requests' && f.value !== null)).toEqual([]);
		// Lines of 500 digits (each tried as prose: 11 s), a cell of 100,000 (21 s), 30,000 figures in one row (3 s).
		const head = '某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n';
		const shapes: [string, string][] = [
			['digit-lines.txt', `${head}三、收到和处理政府信息公开申请情况\n${`${'1'.repeat(500)}\n`.repeat(200)}`],
			[
				'long-cell.html',
				`<html><body><h1>某某局2023年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>${'1'.repeat(100000)}</td></tr></table></body></html>`
			],
			['many-figures.txt', `${head}三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 ${'1 '.repeat(30000)}五、存在的主要问题`]
		];
		for (const [name, body] of shapes) {
			const read = await parseReport(name, new TextEncoder().encode(body));
			if (read.status === 'ok') expect(read.figures.filter((f) => f.value !== null)).toEqual([]);
		}
		// Read in a tenth of a second here; backtracking took 35 s. A limit far above the one, far below the other.
	}, 15_000);

	it('keeps markup in an agency name verbatim, as text', async () => {
		const r = await parseReport('xss.html', readFileSync('tests/fixtures/hostile/xss-agency.html'));
		expect(r.status).toBe('ok');
		if (r.status === 'ok') expect(r.report.agency).toBe('<img src=x onerror=alert(1)>测试局');
	});

	it('a report missing a whole section is ingested with a warning; its cells stay absent', async () => {
		const text = SAMPLE.toString('utf8');
		const cut = text.slice(0, text.indexOf('四、政府信息公开行政复议')) + text.slice(text.indexOf('五、存在的主要问题'));
		const r = await parseReport('no-appeals.txt', new TextEncoder().encode(cut));
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		expect(r.warnings.map((w) => w.code)).toContain('missing_section');
		expect(r.figures.some((f) => f.table_code === 'appeals')).toBe(false);
		expect(r.checks.filter((c) => c.check_code.startsWith('appeals.')).every((c) => c.passed === null)).toBe(true);
	});
});

describe('fuzz: random mutations never crash the reader', async () => {
	const seeds: [string, Uint8Array][] = [
		['sample.txt', SAMPLE],
		['page.html', HTML],
		['report.docx', await docx()]
	];
	const mutate = (rng: Rng, bytes: Uint8Array): Uint8Array => {
		const kind = rng.int(0, 3);
		if (kind === 0) return bytes.subarray(0, rng.int(0, bytes.length)); // truncation
		if (kind === 1) {
			// injected bytes
			const out = Uint8Array.from(bytes);
			for (let i = rng.int(1, 20); i > 0; i--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
			return out;
		}
		const lines = Buffer.from(bytes).toString('latin1').split('\n');
		if (kind === 2)
			for (let i = rng.int(1, 30); i > 0 && lines.length > 1; i--) lines.splice(rng.int(0, lines.length - 1), 1); // deleted lines
		else
			for (let i = rng.int(1, 30); i > 0; i--) {
				// swapped lines (cells)
				const a = rng.int(0, lines.length - 1),
					b = rng.int(0, lines.length - 1);
				[lines[a], lines[b]] = [lines[b], lines[a]];
			}
		return Buffer.from(lines.join('\n'), 'latin1');
	};

	it('3,000 mutated documents: each ingested or rejected with a reason', async () => {
		const rng = new Rng(7);
		const counts = { ok: 0, rejected: 0 };
		for (let i = 0; i < 3000; i++) {
			const [name, bytes] = seeds[i % seeds.length];
			const r = await parseReport(name, mutate(rng, bytes));
			counts[r.status]++;
			if (r.status === 'rejected') {
				expect(r.reason.length).toBeGreaterThan(5);
				expect(r.reason).not.toMatch(STACK);
			} else {
				for (const f of r.figures) expect(f.value === null || Number.isFinite(f.value)).toBe(true);
			}
		}
		expect(counts.ok).toBeGreaterThan(100);
		expect(counts.rejected).toBeGreaterThan(100);
	});
});

describe('fuzz: row labels worded as real reports word them', () => {
	// The generator's list of real-world wordings, not the parser's format table.
	const wordings = allWordings();
	const seeds: [string, string][] = [
		['sample.txt', new TextDecoder().decode(SAMPLE)],
		['page.html', new TextDecoder().decode(HTML)],
		['real.html', readFileSync('tests/fixtures/real/pingtan-2023.page.html', 'utf8')]
	];
	const values = (r: Parsed) => new Map(r.figures.map((f) => [`${f.table_code}.${f.row_code}.${f.col_code}`, f.value]));

	it('300 documents with drifted labels: no figure differs from the document; almost all come back', async () => {
		const rng = new Rng(11);
		let read = 0;
		let expected = 0;
		let drifts = 0;
		for (let i = 0; i < 300; i++) {
			const [name, text] = seeds[i % seeds.length];
			const base = await parseReport(name, new TextEncoder().encode(text));
			expect(base.status).toBe('ok');
			if (base.status !== 'ok') continue;
			let drifted = text;
			for (const w of wordings)
				if (w.variants.length && drifted.includes(w.official) && rng.chance(0.5)) {
					drifted = drifted.split(w.official).join(rng.pick(w.variants));
					drifts++;
				}
			const r = await parseReport(name, new TextEncoder().encode(drifted));
			expect(r.status, name).toBe('ok');
			if (r.status !== 'ok') continue;
			const want = values(base);
			for (const [k, v] of values(r)) expect(v, `${name} ${k}`).toBe(want.get(k));
			read += [...values(r).keys()].filter((k) => want.has(k)).length;
			expected += want.size;
		}
		expect(drifts).toBeGreaterThan(1000);
		expect(read / expected).toBeGreaterThan(0.97);
	});
});

describe('zip bombs', () => {
	it('a .docx whose document.xml decompresses past the limit is refused before it is inflated', async () => {
		const { zipSync } = await import('fflate');
		const huge = new Uint8Array(70 * 1024 * 1024).fill(0x20);
		const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': huge }, { level: 9 });
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const r = await parseReport('bomb.docx', bomb);
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.reason).toMatch(/超过 64 MB|decompressed size/);
	});

	it('a .docx with thousands of entries is refused', async () => {
		const { zipSync } = await import('fflate');
		const files: Record<string, Uint8Array> = {};
		for (let i = 0; i < 6000; i++) files[`x/${i}.xml`] = new Uint8Array(1);
		const r = await parseReport('many.docx', zipSync(files, { level: 0 }));
		expect(r.status).toBe('rejected');
		if (r.status === 'rejected') expect(r.reason).toMatch(/too many zip entries/);
	});
});
