/** A Word (.docx) report with real merged cells, written with the docx package. */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { chineseDate, prose, titleLine, titleOf } from './prose';
import { SECTION_HEADINGS, layoutTables } from './layout';
import type { Rng } from './rng';
import type { Mess, ReportSpec } from './spec';

const para = (text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
	new Paragraph({ alignment: opts.align, children: [new TextRun({ text, bold: opts.bold, font: '仿宋_GB2312' })] });

export async function renderDocx(spec: ReportSpec, rng: Rng, mess: Mess): Promise<Uint8Array> {
	const p = prose(spec, rng);
	const children: (Paragraph | Table)[] = [
		...titleOf(spec, mess).map((t) => para(t, { bold: true, align: AlignmentType.CENTER })),
		...p.intro.map((t) => para(t)),
		para('一、总体情况', { bold: true }),
		...p.overview.map((t) => para(t))
	];
	for (const t of layoutTables(spec, rng, mess)) {
		children.push(para(SECTION_HEADINGS[t.table], { bold: true }));
		children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: t.rows.map(
					(row) =>
						new TableRow({
							children: row.map(
								(c) =>
									new TableCell({
										rowSpan: c.rowspan,
										columnSpan: c.colspan,
										verticalMerge: c.rowspan && c.rowspan > 1 ? VerticalMergeType.RESTART : undefined,
										children: c.split ? [para(c.split[0]), para(c.split[1])] : [para(c.text, { bold: c.kind === 'header' })]
									})
							)
						})
				)
			})
		);
	}
	children.push(
		para('五、存在的主要问题及改进情况', { bold: true }),
		...p.problems.map((t) => para(t)),
		para('六、其他需要报告的事项', { bold: true }),
		...p.other.map((t) => para(t))
	);
	children.push(para(spec.signature, { align: AlignmentType.RIGHT }), para(chineseDate(spec.published), { align: AlignmentType.RIGHT }));
	const doc = new Document({
		creator: spec.generated ? 'generator (示例数据)' : spec.signature,
		title: `${spec.titleName}${titleLine(spec)}`,
		// A fixed date keeps the same seed's .docx byte-identical.
		sections: [{ children }]
	});
	const buf = await Packer.toBuffer(doc);
	return new Uint8Array(buf);
}
