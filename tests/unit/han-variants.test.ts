/** Radical and compatibility code points (as office suites' PDFs map some fonts) read as ideographs. */
import { describe, expect, it } from 'vitest';
import { unifyHan } from '../../src/lib/ingest/han-variants';

describe('han variants', () => {
	it('reads Kangxi radicals and the radicals supplement as the characters they stand for', () => {
		// ⼀ U+2F00, ⼈ U+2F08, ⺠ U+2EA0, ⻓ U+2ED3, ⾏ U+2F8F
		expect(unifyHan('\u2f00、某某区\u2f08\u2ea0政府 \u2ed3期 \u2f8f政复议')).toEqual({ text: '一、某某区人民政府 长期 行政复议', replaced: 5 });
	});

	it('reads compatibility ideographs as their unified forms', () => {
		expect(unifyHan('\uf900').text).toBe('\uf900'.normalize('NFKC'));
	});

	it('leaves text without them, component radicals and full-width forms alone', () => {
		const text = '（一）予以公开 ２ 氵 \u2ea1';
		expect(unifyHan(text)).toEqual({ text, replaced: 0 });
	});
});
