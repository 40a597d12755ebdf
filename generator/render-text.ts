/**
 * A text dump of a Word document, as the sample shows: one cell per line led by a tab, rows
 * separated by blank lines, merged cells printed once (rows below lose them).
 */
import { chineseDate, prose, titleOf } from './prose';
import { PAGE_CHROME } from './wordings';
import { SECTION_HEADINGS, layoutTables } from './layout';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';

export function renderText(spec: ReportSpec, rng: Rng, mess: Mess): string {
	const p = prose(spec, rng);
	const out: string[] = [...(mess.chrome ? [PAGE_CHROME[0]] : []), ...titleOf(spec, mess), '', ...p.intro, '一、总体情况', ...p.overview];
	for (const table of layoutTables(spec, rng, mess)) {
		out.push(SECTION_HEADINGS[table.table]);
		for (const row of table.rows) {
			for (const cell of row) {
				if (cell.split) out.push(`\t${cell.split[0]}`, cell.split[1]);
				else out.push(`\t${cell.text}`);
			}
			out.push('');
		}
		if (mess.artefacts && table.table === 'requests') {
			const i = out.lastIndexOf('') - 1;
			if (i > 0 && out[i].startsWith('\t')) out[i] = `\t[bookmark: _GoBack]${out[i].slice(1)}`;
		}
		out.push('', '');
	}
	out.push(
		'五、存在的主要问题及改进情况',
		...p.problems,
		'六、其他需要报告的事项',
		...p.other,
		'',
		'',
		spec.signature,
		chineseDate(spec.published),
		...(mess.chrome ? PAGE_CHROME.slice(2) : []),
		''
	);
	return out.join(rng.chance(0.2) ? '\r\n' : '\n');
}
