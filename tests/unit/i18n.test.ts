/** The UI's words live in one zh/en dictionary: no inline language switches, English mode in English. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS, t } from '../../src/lib/i18n';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		return statSync(p).isDirectory() ? files(p) : /\.(svelte|ts)$/.test(name) ? [p] : [];
	});
}

const CJK = /[\u3400-\u9fff]/;
// Keys whose English text names Chinese on purpose: the switch to Chinese, an example of a Chinese agency name.
const CHINESE_ON_PURPOSE = new Set(['otherLang', 'searchPlaceholder']);

describe('the zh/en dictionary', () => {
	it('no component or module picks a language inline', () => {
		const inline = files('src')
			.filter((f) => !f.endsWith('i18n.ts'))
			.flatMap((f) =>
				readFileSync(f, 'utf8')
					.split('\n')
					.map((line, i) => [f, i + 1, line] as const)
			)
			.filter(([, , line]) => /lang === 'zh' \?(?! 'zh-CN')|\bzh \? /.test(line))
			.map(([f, n]) => `${f}:${n}`);
		expect(inline).toEqual([]);
	});

	it('every entry has an English text, and English texts are English', () => {
		const chinese = Object.entries(STRINGS)
			.filter(([key, [, en]]) => !CHINESE_ON_PURPOSE.has(key) && CJK.test(en))
			.map(([key]) => key);
		expect(chinese).toEqual([]);
	});

	it('fills placeholders, and shows a missing value as a dash', () => {
		expect(t('zh', 'importedNote', { n: 3, files: 'a.pdf' })).toBe('已导入你的 3 份文件：a.pdf');
		expect(t('en', 'baseOfYear', { yearB: null })).toBe('Base (—)');
	});
});
