/**
 * Two ways a report's tables lose their cell separators in the wild:
 * - the page text a web crawler kept: each table row one line, label and figures run together,
 *   sometimes with a stray space ("一、本年新收政府信息公开申请数量15200031 156"), or each cell
 *   on a line of its own closed by ` |` (or a row's cells on one line), a row's spanned places
 *   sometimes marked by a run of bars ("||");
 * - markdown from an OCR tool: pipe tables whose labels come apart from their rows (a label on a
 *   row of its own, a long label broken over two rows) and neighbouring figures merged in one cell.
 */
import { chineseDate, prose, titleLine, titleOf } from './prose';
import { PAGE_CHROME } from './wordings';
import { SECTION_HEADINGS, layoutTables, type LayoutCell } from './layout';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';

const text = (c: LayoutCell) => (c.split ? c.split.join('') : c.text);

/** A cell as a crawler kept it: its text closed by ` |`; a long label now and then broken over two lines. */
function cellLines(cell: string, rng: Rng): string[] {
	if (cell.length > 12 && rng.chance(0.1)) {
		const at = Math.ceil(cell.length / 2);
		return [cell.slice(0, at), `${cell.slice(at)} |`];
	}
	return [cell ? `${cell} |` : '|'];
}

export function renderCrawlerText(spec: ReportSpec, rng: Rng, mess: Mess): string {
	const p = prose(spec, rng);
	// A crawler's header block, as archives of portals keep it; its 发布机构 is often a placeholder.
	const header = mess.metaBlock
		? [
				`标题: ${spec.titleName}${titleLine(spec)}`,
				`发布时间: ${spec.published} ${rng.int(8, 17)}:${String(rng.int(0, 59)).padStart(2, '0')}`,
				'文号: ',
				`发布机构: ${rng.chance(0.5) ? spec.titleName : '1'}`,
				'栏目: 政府信息公开年报',
				`原文链接: https://www.example.gov.cn/zwgk/${spec.year + 1}/t_${rng.int(10000, 99999)}.htm`,
				'==================== 正文 ===================='
			]
		: [];
	const out: string[] = [...titleOf(spec, mess), `发布时间：${spec.published}`, ...(mess.chrome ? PAGE_CHROME.slice(0, 2) : []), ...p.intro, '一、总体情况', ...p.overview];
	const titleEnd = titleOf(spec, mess).length;
	for (const table of layoutTables(spec, rng, mess)) {
		out.push(SECTION_HEADINGS[table.table]);
		for (const row of table.rows) {
			if (mess.cellLines) {
				// Some crawlers close a row with one bar per grid place its spans cover (every place not
				// opened by one of its own cells), and some keep a row on one line.
				const covered = table.width - row.length;
				const bars = mess.spanBars && covered > 0 ? ['|'.repeat(covered)] : [];
				if (mess.rowPerLine) out.push([...row.map((cell) => (text(cell) ? `${text(cell)} |` : '|')), ...bars].join(' '));
				else out.push(...row.flatMap((cell) => cellLines(text(cell), rng)), ...bars);
				continue;
			}
			let line = '';
			let previousValue = false;
			for (const cell of row) {
				const value = cell.kind === 'value';
				// A stray space sometimes survives between two figures.
				if (value && previousValue && rng.chance(0.12)) line += ' ';
				line += text(cell);
				previousValue = value;
			}
			out.push(line);
		}
	}
	out.push('五、存在的主要问题及改进情况', ...p.problems, '六、其他需要报告的事项', ...p.other, spec.signature, chineseDate(spec.published), '');
	// Some crawlers keep the whole body on one line: rows and cells run together.
	const body = mess.oneLine
		? [
				...out.slice(0, titleEnd),
				out
					.slice(titleEnd)
					.filter(Boolean)
					.join(rng.chance(0.5) ? '' : ' '),
				''
			]
		: out;
	return [...header, ...body].join('\n');
}

export function renderMarkdown(spec: ReportSpec, rng: Rng, mess: Mess): string {
	const p = prose(spec, rng);
	const out: string[] = [`# ${titleOf(spec, mess).join('')}`, '', ...p.intro, '', '## 一、总体情况', '', ...p.overview, ''];
	for (const table of layoutTables(spec, rng, mess)) {
		out.push(`## ${SECTION_HEADINGS[table.table]}`, '');
		const width = table.width;
		// OCR keeps the grid: labels at the left, figures in the last columns, empty cells between.
		const line = (labels: string[], values: string[] = []) => `| ${[...labels, ...Array(Math.max(0, width - labels.length - values.length)).fill(''), ...values].join(' | ')} |`;
		table.rows.forEach((row, i) => {
			const labels = row.filter((c) => c.kind !== 'value').map(text);
			const values = row.filter((c) => c.kind === 'value').map(text);
			if (values.length === 0) {
				out.push(line(labels));
			} else {
				// Neighbouring figures merged into one cell, now and then.
				if (values.length >= 2 && rng.chance(0.15)) {
					const at = rng.int(0, values.length - 2);
					values.splice(at, 2, `${values[at]}${rng.chance(0.5) ? ' ' : ''}${values[at + 1]}`);
				}
				const label = labels.join('');
				const apart = rng.next();
				if (label && apart < 0.15) {
					out.push(line([label]), line([], values));
				} else if (label.length > 8 && apart < 0.3) {
					const at = Math.ceil(label.length / 2);
					out.push(line([label.slice(0, at)]), line([label.slice(at)], values));
				} else out.push(line([label], values));
			}
			if (i === 0) out.push(`|${' --- |'.repeat(width)}`);
		});
		out.push('');
	}
	out.push('## 五、存在的主要问题及改进情况', '', ...p.problems, '', '## 六、其他需要报告的事项', '', ...p.other, '', spec.signature, chineseDate(spec.published), '');
	return out.join('\n');
}
