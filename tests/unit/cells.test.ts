import { describe, expect, it } from 'vitest';
import { cleanText, isLabelCell, parseValueCell, toColumnUnit } from '../../src/lib/ingest/cells';

describe('cell rules', () => {
	it('normalises no-break spaces, Word artefacts and full-width digits', () => {
		expect(parseValueCell('\u00a00')).toMatchObject({ value: 0, state: 'number' });
		expect(parseValueCell('0\u00a0')).toMatchObject({ value: 0 });
		expect(parseValueCell('[bookmark: _GoBack]\u00a0\u00a00')).toMatchObject({ value: 0 });
		expect(parseValueCell('１２')).toMatchObject({ value: 12 });
		expect(parseValueCell('\u3000３\u3000')).toMatchObject({ value: 3 });
	});
	it('reads thousands separators but not other commas', () => {
		expect(parseValueCell('1,234')?.value).toBe(1234);
		expect(parseValueCell('１，２３４')?.value).toBe(1234);
		expect(parseValueCell('12,34')).toBeUndefined();
	});
	it('keeps blank apart from zero; a dash or 无 is not printed either: null, never 0', () => {
		expect(parseValueCell('')).toMatchObject({ value: null, state: 'blank' });
		expect(parseValueCell('\u00a0 ')).toMatchObject({ value: null, state: 'blank' });
		for (const none of ['—', '-', '/', '无', '－', '\u2212']) expect(parseValueCell(none)).toMatchObject({ value: null, state: 'none', raw: none });
	});
	it('reads signed changes and count units', () => {
		expect(parseValueCell('-2')?.value).toBe(-2);
		expect(parseValueCell('+3')?.value).toBe(3);
		// A minus sign or Word's autocorrected en dash before the figure (本年增/减).
		expect(parseValueCell('\u22122')?.value).toBe(-2);
		expect(parseValueCell('\u20134')?.value).toBe(-4);
		expect(parseValueCell('5件')?.value).toBe(5);
		// A unit in brackets after the figure, as some tables print every cell.
		expect(parseValueCell('5（件）')?.value).toBe(5);
		expect(parseValueCell('12 (个)')?.value).toBe(12);
		expect(parseValueCell('9116.36（万元）')).toMatchObject({ value: 9116.36, unit: '万元' });
		expect(parseValueCell('（件）')).toBeUndefined();
	});
	it('keeps the meaning of money units', () => {
		const yuan = parseValueCell('251000元')!;
		expect(yuan).toMatchObject({ value: 251000, unit: '元' });
		expect(toColumnUnit(yuan, '万元')).toEqual({ value: 25.1, unit: '万元' });
		expect(toColumnUnit(parseValueCell('3.5万元')!, '万元')).toEqual({ value: 3.5, unit: '万元' });
		expect(toColumnUnit(parseValueCell('251000元')!, undefined)).toEqual({ value: 251000, unit: '元' });
		expect(toColumnUnit(parseValueCell('')!, '万元')).toEqual({ value: null, unit: '万元' });
	});
	it('tells labels from values', () => {
		expect(isLabelCell('规章')).toBe(true);
		expect(isLabelCell('1.属于国家秘密')).toBe(true);
		expect(isLabelCell(' 0')).toBe(false);
		expect(isLabelCell('')).toBe(false);
		expect(cleanText('  a\u00a0 b ')).toBe('a b');
	});
});
