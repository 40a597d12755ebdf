import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from '../../src/lib/export/csv';

describe('CSV export', () => {
	it('starts with a BOM, uses CRLF and RFC 4180 quoting', () => {
		const csv = toCsv(
			[
				{ key: 'a', header: '机关 agency' },
				{ key: 'n', header: '新收申请 new（件）' }
			],
			[
				{ a: '甲局, "乙"', n: 12 },
				{ a: '多行\n文本', n: null }
			]
		);
		expect(csv.startsWith('\ufeff')).toBe(true);
		expect(csv).toBe('\ufeff机关 agency,新收申请 new（件）\r\n"甲局, ""乙""",12\r\n"多行\n文本",\r\n');
	});
	it('neutralises formula injection in text but keeps negative numbers', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1')).toBe(`"'+1"`);
		expect(csvCell('-cmd')).toBe(`"'-cmd"`);
		expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvCell('\tx')).toBe(`"'\tx"`);
		expect(csvCell('\rx')).toBe(`"'\rx"`);
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
	});
	it('names files after what and which filters', () => {
		expect(csvFileName(['政府信息公开', '总览', '金水区', null, '2019-2025'])).toBe('政府信息公开_总览_金水区_2019-2025.csv');
		expect(csvFileName(['a/b:c'])).toBe('a-b-c.csv');
	});
});
