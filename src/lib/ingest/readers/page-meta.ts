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

/** Metadata from label → value pairs; 来源 is not taken for the agency (it often names the site's owner). */
export function metaFromFields(fields: Map<string, string>, form: string): DocumentMeta | undefined {
	const meta: DocumentMeta = { form };
	const title = fields.get('标题') ?? fields.get('题目') ?? fields.get('名称');
	if (title) meta.title = title;
	const date = fields.get('发布时间') ?? fields.get('发布日期') ?? fields.get('成文日期') ?? fields.get('发文日期') ?? fields.get('生成日期');
	if (date) meta.date = date;
	const publisher = fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('所属机构');
	if (publisher) meta.publisher = publisher;
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
