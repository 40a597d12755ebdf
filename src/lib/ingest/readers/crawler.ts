/**
 * Text a crawler kept of a portal page: a header block (标题: / 发布时间: / 发布机构: …), a
 * `==== 正文 ====` marker, then the body — often on one line of 10,000+ characters whose table
 * cells ran together. The header becomes the document's metadata; a one-line body is cut back
 * into lines at its section headings and, inside the table sections, wherever a run of figures
 * ends and the next row's label begins. The figures themselves are cut later by the format's
 * arithmetic (reconstruct.ts).
 */
import type { DocumentMeta } from '../document';
import { META_FIELD, metaFromFields } from './page-meta';

const HEADER_FIELD = /^\s*(\S{2,4})\s*[:：]\s*(.*)$/;
const BODY_MARKER = /^\s*=+\s*正\s*文\s*=+\s*$/;

/** The crawler header, when the text starts with one; `bodyStart` is the first line after it. */
export function crawlerHeader(lines: string[]): { meta: DocumentMeta; bodyStart: number } | undefined {
	const fields = new Map<string, string>();
	let i = 0;
	for (; i < Math.min(lines.length, 40); i++) {
		const line = lines[i];
		if (BODY_MARKER.test(line)) {
			i++;
			break;
		}
		const m = HEADER_FIELD.exec(line);
		if (m && META_FIELD.test(m[1])) {
			if (!fields.has(m[1])) fields.set(m[1], m[2].trim());
		} else if (line.trim() !== '' && fields.size >= 2 && !/^\S+\s*[:：]/.test(line) && !/详见|links\.tsv/.test(line)) break;
	}
	if (fields.size < 2 || !(fields.has('标题') || fields.has('题目'))) return undefined;
	const meta = metaFromFields(fields, '爬虫页头');
	return meta && { meta, bodyStart: i };
}

/** Headings of the report's six sections (二、上年结转… inside table 三 is not one). */
// 五、 and later never number a row of tables 二–四: whatever follows them ends the tables.
const SECTION_HEADING =
	/(?:[一二三四五六]\s*[、.．]\s*)+(?:总体情况|概述|主动公开政府信息情况|收到和处理政府信息公开申请情况|[^，。、]{0,12}?行政[^，。]{0,3}复议[^，。]{0,12}?情况)|(?:[五六七八]\s*[、.．]\s*)+(?:存在的主要问题(?:及(?:其)?改进情况)?|其他需要报告的事项|(?=[\u3400-\u9fff]))/g;
const TABLE_SECTION = /^(?:[一二三四五六七]\s*[、.．]\s*)+(?:主动公开政府信息情况|收到和处理政府信息公开申请情况|[^，。、]{0,12}?行政[^，。]{0,3}复议)/;
// Not before a unit or a date's 年/月/日: `2022年，未有…` is prose, not a row's figures. Nor
// before a blank's mark 无 among the figures (`0无0`), as against 无法提供; a row's last figure may
// be a blank's mark (`00／`).
const FIGURE_END_BEFORE_LABEL = /([\d０-９](?:\s*(?:[/／]|—+))*)(?=\s*(?![年月日件条个项次人元万%]|无(?![\u3400-\u9fff]))[\u3400-\u9fff（(“"])/g;
// A sub-row's number (2.其他法律…) printed right after the previous row's figures.
const NUMBER_AFTER_FIGURES = /(?<=[\d０-９\s])(?=[1-9][.．、]\s*[\u3400-\u9fff])/g;

/** A body that lost its line breaks: the lines it had, as far as its headings and rows tell. */
export function splitRunOnLine(line: string): string[] {
	const cleaned = line.replace(/<!--[\s\S]*?-->/g, ' ');
	// Each heading becomes a line of its own; what follows it, up to the next heading, another.
	const pieces = cleaned.replace(SECTION_HEADING, (h) => `\n${h}\n`).split('\n');
	const out: string[] = [];
	let inTable = false;
	for (const piece of pieces) {
		const text = piece.trim();
		if (SECTION_HEADING.test(text)) {
			SECTION_HEADING.lastIndex = 0;
			inTable = TABLE_SECTION.test(text);
			out.push(text);
		} else if (inTable) out.push(...text.replace(NUMBER_AFTER_FIGURES, '\n').replace(FIGURE_END_BEFORE_LABEL, '$1\n').split('\n'));
		else out.push(text);
	}
	return out.map((l) => l.trim()).filter(Boolean);
}

/** Lines long enough to be a whole body on one line. */
export const RUN_ON_LINE = 600;
