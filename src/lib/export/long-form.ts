/** The filtered figures in long form as CSV, with the schema's labels beside the codes. */
import { run } from '../data/client';
import { figuresLongQuery, type Filters } from '$lib/sql/queries';
import { agencyKindLabel } from '../schema/agency-kinds';
import { ORIGIN_LABELS, type Origin } from '../schema/origin';
import { columnDef, rowDef, type FormatVersion, type TableCode } from '../schema/report-format';
import { toCsv, type CsvColumn } from './csv';

const COLUMNS: CsvColumn[] = [
	{ key: 'report_id', header: '报告编号 report_id' },
	{ key: 'agency', header: '机关 agency' },
	{ key: 'kind', header: '机关类型 agency_kind' },
	{ key: 'province', header: '省 province' },
	{ key: 'city', header: '市 city' },
	{ key: 'county', header: '区县 county' },
	{ key: 'division_code', header: '行政区划代码 division_code' },
	{ key: 'year', header: '年度 year' },
	{ key: 'format', header: '格式 format' },
	{ key: 'origin', header: '来源 origin' },
	{ key: 'table_code', header: '表 table_code' },
	{ key: 'row_code', header: '行 row_code' },
	{ key: 'row_label', header: '行标签' },
	{ key: 'col_code', header: '列 col_code' },
	{ key: 'col_label', header: '列标签' },
	{ key: 'value', header: '数值 value（件；金额见单位列）' },
	{ key: 'unit', header: '单位 unit' },
	{ key: 'raw', header: '原文 raw' },
	{ key: 'source_name', header: '来源文件 source_name' }
];

export async function longFormCsv(filters: Filters): Promise<{ csv: string; rows: number }> {
	const q = figuresLongQuery(filters);
	const rows = await run(q);
	const out = rows.map((r) => {
		const format = String(r.format) as FormatVersion;
		const table = String(r.table_code) as TableCode;
		return {
			...r,
			kind: `${agencyKindLabel(String(r.agency_kind))} ${r.agency_kind}`,
			origin: `${ORIGIN_LABELS[r.origin as Origin]?.zh ?? r.origin} ${r.origin}`,
			row_label: rowDef(format, table, String(r.row_code))?.label ?? '',
			col_label: columnDef(format, table, String(r.col_code))?.label ?? ''
		};
	});
	return { csv: toCsv(COLUMNS, out), rows: out.length };
}
