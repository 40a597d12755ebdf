/**
 * The report's own words against its tables (kind `text` checks): on the real fixtures every
 * statement of applications and appeals is found and agrees; altered copies are flagged with the
 * sentence quoted; figures never change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type Parsed } from '../../ingest/parse-file';

const REAL = 'tests/fixtures/real';

async function parsed(name: string, text?: string): Promise<Parsed> {
	const bytes = text === undefined ? readFileSync(`${REAL}/${name}`) : new TextEncoder().encode(text);
	const r = await parseReport(name, bytes);
	if (r.status !== 'ok') throw new Error(r.reason);
	return r;
}
const text = (r: Parsed) => r.checks.filter((c) => c.kind === 'text');
const APPS = /^text\.(requests|appeals)\./;

describe('statements in the words against the tables', () => {
	it.each(['pingtan-2022.page.html', 'pingtan-2022.page.txt', 'pingtan-2023.page.html', 'pingtan-2023.page.txt'])(
		'%s: every statement of applications and appeals agrees with its table',
		async (name) => {
			const checks = text(await parsed(name)).filter((c) => APPS.test(c.check_code));
			expect(checks.map((c) => c.check_code)).toEqual(expect.arrayContaining(['text.appeals.review', 'text.appeals.suits']));
			expect(checks.some((c) => c.check_code === 'text.requests.received')).toBe(true);
			for (const c of checks) expect(c.passed, c.message).toBe(true);
		}
	);

	it('says which table figure a statement matched (75 received = 74 new + 1 carried over)', async () => {
		const c = text(await parsed('pingtan-2022.page.html')).find((x) => x.check_code === 'text.requests.received')!;
		expect(c).toMatchObject({ passed: true, actual: 75, expected: 75, cells: ['requests.new.total', 'requests.carried_in.total'] });
		expect(c.message).toContain('本年新收 + 上年结转');
	});

	it('flags the 2023 narrative: 393 normative documents in force against 470 in the table, sentence quoted', async () => {
		const c = text(await parsed('pingtan-2023.page.html')).find((x) => x.check_code === 'text.active.normative_in_force')!;
		expect(c).toMatchObject({ passed: false, actual: 393, expected: 470 });
		expect(c.message).toMatch(/“[^”]*现行有效行政规范性文件393件[^”]*”/);
	});

	it('an altered copy is flagged (申请共计91件 against 81, 行政复议案件4件 against 2); no figure changes', async () => {
		const original = readFileSync(`${REAL}/pingtan-2023.page.html`, 'utf8');
		const altered = original.replace('申请共计81件', '申请共计91件').replace('行政复议案件2件', '行政复议案件4件');
		expect(altered).not.toBe(original);
		const [a, b] = [await parsed('pingtan-2023.page.html'), await parsed('altered.html', altered)];
		const byCode = new Map(text(b).map((c) => [c.check_code, c]));
		expect(byCode.get('text.requests.received')).toMatchObject({ passed: false, actual: 91 });
		expect(byCode.get('text.requests.received')!.message).toContain('申请共计91件');
		expect(byCode.get('text.appeals.review')).toMatchObject({ passed: false, actual: 4, expected: 2 });
		expect(byCode.get('text.appeals.review')!.message).toContain('行政复议案件4件');
		expect(b.figures).toEqual(a.figures);
	});

	it('a statement whose figure the table does not hold is left unchecked, not failed', async () => {
		// The crawler text's proactive row, not cut when the words state 699 in force (no cut agrees): nothing to compare 699 with.
		const original = readFileSync(`${REAL}/pingtan-2022.page.txt`, 'utf8');
		const c = text(await parsed('pingtan-2022.page.txt', original.replace('现行有效行政规范性文件698件', '现行有效行政规范性文件699件'))).find(
			(x) => x.check_code === 'text.active.normative_in_force'
		)!;
		expect(c).toMatchObject({ passed: null, actual: 699 });
	});

	it('does not read a count of information items (条) or a duration as applications', async () => {
		const doc = readFileSync(`${REAL}/pingtan-2023.page.html`, 'utf8');
		const noisy = doc.replace(
			'一、总体情况',
			'一、总体情况</p><p>全年制作政府信息120条，其中不予公开信息数95条，依申请公开及不予公开431份；行政处罚决定之日起7个工作日内公开。</p><p>'
		);
		const checks = text(await parsed('noisy.html', noisy));
		expect(checks.filter((c) => c.passed === false).map((c) => c.check_code)).toEqual(['text.active.normative_in_force']);
	});
});

describe('the words choose among a run-together row’s cuts, where the proactive table has no identity to', () => {
	const CRAWLER = 'pingtan-2022.page.txt';
	const original = readFileSync(`${REAL}/${CRAWLER}`, 'utf8');
	const SENTENCE = '集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件';
	const normative = (r: Parsed) => r.figures.filter((f) => f.table_code === 'active' && f.row_code === 'normative').map((f) => `${f.col_code} ${f.raw}`);
	const refused = (r: Parsed) => r.warnings.some((w) => w.code === 'rows_rejected' && w.rows?.includes('normative') && /种拆分/.test(w.message));

	it('“8855698” is 88 | 55 | 698: the words state 88 made this year and 698 in force, one cut agrees with both', async () => {
		expect(original).toContain(SENTENCE);
		const r = await parsed(CRAWLER);
		expect(normative(r)).toEqual(['issued 88', 'repealed 55', 'in_force 698']);
		expect(r.warnings.find((w) => w.code === 'reconstructed' && w.rows?.includes('normative'))?.message).toContain('正文所述');
	});

	it('refuses the row when the words leave several cuts (only 88 made: 88|55|698, 88|5|5698, 88|556|98 …)', async () => {
		const r = await parsed(CRAWLER, original.replace(SENTENCE, '动态更新本年度制发的规范性文件88件'));
		expect(normative(r)).toEqual([]);
		expect(refused(r)).toBe(true);
	});

	it('refuses the row when the words agree with no cut, or state nothing of it', async () => {
		for (const words of ['集中公开现行有效行政规范性文件699件，动态更新本年度制发的规范性文件89件', '集中公开现行有效行政规范性文件，动态更新']) {
			const r = await parsed(CRAWLER, original.replace(SENTENCE, words));
			expect(normative(r), words).toEqual([]);
			expect(refused(r), words).toBe(true);
		}
	});
});
