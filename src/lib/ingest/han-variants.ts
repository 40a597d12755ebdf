/**
 * Han characters printed as their radical or compatibility code points. Office suites' PDFs map
 * some fonts' glyphs to Kangxi radicals (⼈ U+2F08 for 人) or the radicals supplement (⻓ U+2ED3
 * for 长), and text copied out of such a PDF keeps them: a label or agency name spelt so matches
 * nothing. They are read as the ideograph they stand for, where the text enters (parse.ts, the
 * PDF and Word readers), before any reader looks for a label.
 */
const VARIANT = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]/;
const VARIANTS = new RegExp(VARIANT.source, 'g');

/**
 * The radicals supplement has no Unicode decomposition but for two: the whole characters among
 * its simplified forms, as PDFs map them. Component forms (氵, 扌) are left as printed.
 */
const SUPPLEMENT: Record<string, string> = {
	'\u2e9f': '母',
	'\u2ea0': '民',
	'\u2ec1': '虎',
	'\u2ec4': '西',
	'\u2ec5': '见',
	'\u2ec6': '角',
	'\u2ec9': '贝',
	'\u2ecb': '车',
	'\u2ed3': '长',
	'\u2ed4': '门',
	'\u2ed7': '雨',
	'\u2ed8': '青',
	'\u2ed9': '韦',
	'\u2eda': '页',
	'\u2edb': '风',
	'\u2edc': '飞',
	'\u2edd': '食',
	'\u2ee1': '首',
	'\u2ee2': '马',
	'\u2ee3': '骨',
	'\u2ee4': '鬼',
	'\u2ee5': '鱼',
	'\u2ee6': '鸟',
	'\u2ee7': '卤',
	'\u2ee8': '麦',
	'\u2ee9': '黄',
	'\u2eea': '黾',
	'\u2eec': '齐',
	'\u2eee': '齿',
	'\u2ef0': '龙',
	'\u2ef3': '龟'
};

function ideograph(ch: string): string {
	// Kangxi radicals and compatibility ideographs decompose to their ideographs; the supplement does not.
	return ch >= '\u2f00' ? ch.normalize('NFKC') : (SUPPLEMENT[ch] ?? ch);
}

/** The text with radical and compatibility forms read as ideographs; how many were replaced. */
export function unifyHan(text: string): { text: string; replaced: number } {
	if (!VARIANT.test(text)) return { text, replaced: 0 };
	let replaced = 0;
	const out = text.replace(VARIANTS, (ch) => {
		const to = ideograph(ch);
		if (to !== ch) replaced++;
		return to;
	});
	return { text: out, replaced };
}
