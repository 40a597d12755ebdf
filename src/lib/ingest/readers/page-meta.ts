/**
 * The metadata block a page carries before its body — a crawler's header (标题: / 发布时间: /
 * 发布机构:) or a portal's info table (索引号 / 发布机构 / 发布日期) — as the document's own
 * metadata. Often the only reliable place for the agency and the date.
 */
import type { DocumentMeta } from '../document';

/**
 * Labels of an info table found inside a line (`索引号 … 发文字号 某某…报告号`, `关键词 发布机构 某某局`): such a
 * line is a row of the table kept as text, neither a title nor a name.
 */
export const INFO_LABEL = /索引号|发文字号|发布机构|关键词|主题分类|生成日期|发布日期|发布时间|成文日期|发表日期/;

export const META_FIELD = /^(标题|题目|名称|发布时间|发布日期|成文日期|发文日期|生成日期|发布机构|发文机关|所属机构|来源|文号|索引号|栏目|主题分类|原文链接|本地目录)$/;

/** Metadata from label → value pairs; 来源 is kept apart from the publisher (it often names the site's owner). */
export function metaFromFields(fields: Map<string, string>, form: string): DocumentMeta | undefined {
	const meta: DocumentMeta = { form };
	const title = fields.get('标题') ?? fields.get('题目') ?? fields.get('名称');
	if (title) meta.title = title;
	const date = fields.get('发布时间') ?? fields.get('发布日期') ?? fields.get('成文日期') ?? fields.get('发文日期') ?? fields.get('生成日期');
	if (date) meta.date = date;
	const publisher = fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('所属机构');
	if (publisher) meta.publisher = publisher;
	const source = fields.get('来源');
	if (source) meta.source = source;
	return meta.title || meta.date || meta.publisher ? meta : undefined;
}

/** A portal's info table: label cells each followed by their value. */
export function metaFromTable(rows: string[][]): DocumentMeta | undefined {
	const fields = new Map<string, string>();
	for (const row of rows) {
		for (let i = 0; i + 1 < row.length; i++) {
			const label = row[i].replace(/[\s\u00a0\u3000:：]+/g, '');
			const value = row[i + 1].trim();
			// A field left empty: the next cell is the next label (`发文日期: | 公开形式: |`), not its value.
			const isLabel = /[:：]$/.test(value) || META_FIELD.test(value.replace(/[\s\u00a0\u3000]+/g, ''));
			if (META_FIELD.test(label) && !fields.has(label) && value && !isLabel) fields.set(label, value);
		}
	}
	// Two fields at least, one of them the agency or the date: a table of the report is not this.
	if (fields.size < 2 || !(fields.has('发布机构') || fields.has('发布日期') || fields.has('成文日期') || fields.has('索引号'))) return undefined;
	return metaFromFields(fields, '网页信息表');
}

/** A portal's info table as text keeps it, one row a line with cells between bars ("发布机构 | 市政府办 | 发文日期 | 2018-02-28 |"), among the first lines. */
export function metaFromPipeLines(lines: string[]): DocumentMeta | undefined {
	const rows = lines
		.slice(0, 40)
		.filter((line) => (line.match(/\|/g)?.length ?? 0) >= 2)
		.map((line) => line.split('|').map((cell) => cell.trim()));
	return rows.length ? metaFromTable(rows) : undefined;
}

/** A field's label as pages print it, spaces allowed between its characters (索 引 号). */
const SPACED_LABELS = META_FIELD.source
	.replace(/^\^\(|\)\$$/g, '')
	.split('|')
	.map((label) => [...label].join('[\\s\\u3000]*'))
	.join('|');
/** A label and its colon inside a line (`发布机构：`); the value runs to the next label. */
const FIELD_IN_LINE = new RegExp(`(${SPACED_LABELS})[\\s\\u3000]*[:：]`, 'g');
const HAS_FIELD = new RegExp(FIELD_IN_LINE.source);
/** A line that is a label alone (`• 发布机构:`, a definition list's `发布机构`): its value is the next line. */
const LABEL_LINE = new RegExp(`^[•·\\-*\\s\\u3000]*(${SPACED_LABELS})[\\s\\u3000]*[:：]?[\\s\\u3000]*$`);
/** Any other field the page prints after a value (浏览次数：, 字号：): the value ends there. */
const OTHER_FIELD = /[\s\u3000【[]*[\u3400-\u9fff]{2,5}[\s\u3000]*[:：]/;
/** Fields whose value has no spaces: what follows a space is the page's, not theirs. */
const ONE_WORD = new Set(['发布机构', '发文机关', '所属机构', '来源', '索引号', '文号']);
/** The report's first section or its statistics period: no info block after it. */
const BODY_STARTED = /^[一二三四五六七八]\s*[、.．]|统计期限|统计时限/;

const unspaced = (label: string) => label.replace(/[\s\u3000]+/g, '');
const bullet = (line: string) => line.replace(/^[•·\-*\s\u3000]+/, '').trim();

/**
 * A portal's info block kept as lines rather than a table — fields on one line
 * (`索 引 号：… 发布机构：… 发布日期：…`), one a line, or each value under its label (a bullet or
 * definition list) — among the lines before the report's body begins.
 */
export function metaFromInfoLines(lines: string[]): DocumentMeta | undefined {
	const fields = new Map<string, string>();
	const set = (label: string, raw: string) => {
		const key = unspaced(label);
		let value = raw.trim();
		const other = OTHER_FIELD.exec(value);
		if (other) value = value.slice(0, other.index);
		if (ONE_WORD.has(key)) value = value.split(/[\s\u3000]+/)[0];
		value = value.trim();
		if (value && !fields.has(key)) fields.set(key, value);
	};
	const opening = lines.slice(0, 40);
	for (let i = 0; i < opening.length; i++) {
		const line = opening[i];
		if (BODY_STARTED.test(line.trim())) break;
		const alone = LABEL_LINE.exec(line);
		if (alone) {
			const next = opening[i + 1];
			if (next !== undefined && !LABEL_LINE.test(next) && !HAS_FIELD.test(next)) {
				set(alone[1], bullet(next));
				i++;
			}
			continue;
		}
		const found = [...line.matchAll(FIELD_IN_LINE)];
		found.forEach((m, k) => set(m[1], line.slice(m.index + m[0].length, k + 1 < found.length ? found[k + 1].index : undefined)));
	}
	const hasPageField = ['发布机构', '发布日期', '发布时间', '成文日期', '索引号'].some((f) => fields.has(f));
	if (fields.size < 2 || !hasPageField) return undefined;
	return metaFromFields(fields, '网页信息栏');
}
