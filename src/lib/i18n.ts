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
	loadingScope: ['正在加载所选地区的数据…', 'Loading the chosen region…'],
	openData: ['打开数据', 'Open data'],
	importReports: ['导入报告', 'Import reports'],
	otherLang: ['English', '中文'],
	importedNote: ['已导入你的 {n} 份文件：{files}', 'Your {n} imported files: {files}'],
	ownData: ['正在查看你打开的数据：{files}', 'Viewing your own data: {files}'],
	droppedParams: ['已忽略无效的链接参数：{params}', 'Ignored invalid link parameters: {params}'],
	datasetFailed: ['数据加载失败', 'The dataset could not be loaded'],
	scopeFailed: ['所选地区的数据加载失败', 'The chosen region could not be loaded'],
	viewsNav: ['视图', 'Views'],
	embedPart: ['嵌入内容', 'Part'],
	embedTheme: ['主题', 'Theme'],
	themeLight: ['浅色', 'Light'],
	themeDark: ['深色', 'Dark'],
	embedHint: ['把以上代码粘贴到网页中；图表会按当前筛选条件显示，并自动调整高度。', 'Paste into a web page; the chart keeps the current filters and sizes itself.'],
	embedHeadline: ['核心指标', 'Headline figures'],
	embedYears: ['申请数量的年度变化', 'Applications over the years'],
	embedApplicants: ['申请人构成', 'Applicants'],
	embedOutcomes: ['办理结果', 'Outcomes'],
	embedAppeals: ['行政复议和行政诉讼', 'Reviews and lawsuits']
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof STRINGS;

/** The text of `key` in `lang`; `{name}` placeholders are filled from `vars`. */
export function t(lang: Lang, key: Key, vars?: Record<string, string | number>): string {
	const text: string = STRINGS[key][lang === 'zh' ? 0 : 1];
	return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

/** A list cut at its query's limit says so: 显示前 500 个，共 1,234 个 (rows carry `total_rows`). */
export function cutNote(rows: readonly Record<string, unknown>[], lang: Lang): string {
	const total = Number(rows[0]?.total_rows ?? rows.length);
	if (!(total > rows.length)) return '';
	const n = (x: number) => x.toLocaleString('en-US');
	return lang === 'zh' ? `显示前 ${n(rows.length)} 个，共 ${n(total)} 个` : `Showing the first ${n(rows.length)} of ${n(total)}`;
}
