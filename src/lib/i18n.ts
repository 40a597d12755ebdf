/** UI strings, Chinese first. */
export type Lang = 'zh' | 'en';

const STRINGS = {
	appTitle: ['政府信息公开工作年度报告分析', 'Government information disclosure annual reports'],
	overview: ['总览', 'Overview'],
	compare: ['对比', 'Compare'],
	agency: ['机关', 'Agency'],
	quality: ['数据质量', 'Data quality'],
	loading: ['正在加载…', 'Loading…'],
	loadingEngine: ['正在启动查询引擎…', 'Starting the query engine…'],
	empty: ['当前筛选条件下没有数据。', 'No data for the current filters.'],
	queryFailed: ['查询失败', 'Query failed'],
	retry: ['重试', 'Retry'],
	showTable: ['表格', 'Table'],
	showChart: ['图表', 'Chart'],
	province: ['省', 'Province'],
	city: ['市', 'City'],
	county: ['区县', 'County'],
	kind: ['机关类型', 'Agency kind'],
	search: ['搜索机关', 'Search agencies'],
	years: ['年度', 'Years'],
	format: ['格式', 'Format'],
	all: ['全部', 'All'],
	reset: ['清除筛选', 'Clear filters'],
	generatedNote: ['含示例数据（生成的报告，非真实文件）', 'Includes generated (demo) reports, not real documents'],
	generated: ['示例数据', 'generated'],
	real: ['真实文件', 'real document'],
	smallSample: ['样本少（<30）', 'small sample (<30)'],
	reports: ['份报告', 'reports'],
	exportCsv: ['导出 CSV', 'Export CSV'],
	savePng: ['保存图片', 'Save PNG'],
	embed: ['嵌入', 'Embed'],
	exportLong: ['导出明细（长表）', 'Export figures (long form)'],
	scopeNote: [
		'这个数据集按地区汇总（全国规模）：请在上方筛选中选择一个城市或区县，以列出机关、查看逐份报告、未通过的核对和明细。',
		'This dataset is summed by region (national scale): choose a city or county in the filters above to list agencies and see single reports, failed checks and figures.'
	],
	searchNeedsScope: [
		'按机关名称搜索需要先选择城市或区县（全国数据按地区汇总）；当前图表未按名称筛选。',
		'Searching agency names needs a city or county first (national data is summed by region); the charts are not filtered by name.'
	],
	loadingScope: ['正在加载所选地区的数据…', 'Loading the chosen region…']
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof STRINGS;

export function t(lang: Lang, key: Key): string {
	return STRINGS[key][lang === 'zh' ? 0 : 1];
}

/** A list cut at its query's limit says so: 显示前 500 个，共 1,234 个 (rows carry `total_rows`). */
export function cutNote(rows: readonly Record<string, unknown>[], lang: Lang): string {
	const total = Number(rows[0]?.total_rows ?? rows.length);
	if (!(total > rows.length)) return '';
	const n = (x: number) => x.toLocaleString('en-US');
	return lang === 'zh' ? `显示前 ${n(rows.length)} 个，共 ${n(total)} 个` : `Showing the first ${n(rows.length)} of ${n(total)}`;
}
