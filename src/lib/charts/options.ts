/**
 * ECharts options as pure functions of rows. Every text from the data goes through escapeHtml
 * in tooltips (ECharts renders tooltip HTML); labels are drawn on canvas as text.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { APPEAL_COLUMNS, APPLICANT_COLUMNS, FORMATS, OUTCOME_GROUP_LABELS, REQUEST_OUTCOME_GROUPS } from '../schema/report-format';
import type { Measure } from '../schema/measures';
import { escapeHtml, formatCount, formatRate } from '../format';
import { t, inLang } from '../i18n';

export type Row = Record<string, unknown>;
type Lang = 'zh' | 'en';

const PALETTE = ['#b3261e', '#1f5fa8', '#e0a100', '#2e7d5b', '#7b4fa0', '#d06a2c', '#4a90a4', '#8a8a8a', '#c2185b', '#5d7a1f', '#3949ab', '#795548'];

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function base(): EChartsCoreOption {
	return { color: PALETTE, animation: false, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' } };
}

function axisTooltip(fmt: (v: number | null) => string) {
	return {
		trigger: 'axis',
		formatter: (items: { axisValueLabel: string; seriesName: string; value: unknown; marker: string }[]) => {
			const head = escapeHtml(items[0]?.axisValueLabel);
			return [head, ...items.map((i) => `${i.marker}${escapeHtml(i.seriesName)}：${escapeHtml(fmt(num(Array.isArray(i.value) ? i.value[1] : i.value)))}`)].join('<br/>');
		}
	};
}

export interface SeriesSpec {
	key: string;
	name: string;
}

/** Lines over the years, one per quantity. */
export function yearsLineOption(rows: Row[], series: SeriesSpec[], lang: Lang, kind: 'count' | 'rate' = 'count'): EChartsCoreOption {
	const fmt = (v: number | null) => (kind === 'rate' ? formatRate(v) : formatCount(v, lang));
	return {
		...base(),
		tooltip: axisTooltip(fmt),
		legend: { top: 0, type: 'scroll' },
		grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
		yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
		series: series.map((s) => ({ type: 'line', name: s.name, data: rows.map((r) => num(r[s.key])), symbolSize: 6, connectNulls: false }))
	};
}

/** New applications by applicant type, stacked per year. */
export function applicantMixOption(rows: Row[], lang: Lang): EChartsCoreOption {
	const cols = APPLICANT_COLUMNS.filter((c) => c.code !== 'total');
	return {
		...base(),
		tooltip: axisTooltip((v) => formatCount(v, lang)),
		legend: { top: 0, type: 'scroll' },
		grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
		yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(v, lang) } },
		series: cols.map((c) => ({ type: 'bar', stack: 'applicants', name: inLang(lang, c.label, c.en), data: rows.map((r) => num(r[`new_${c.code}`])) }))
	};
}

export interface OutcomeNode {
	name: string;
	value: number;
	children?: OutcomeNode[];
}

/** The outcome tree: families (予以公开 … 其他处理) with their reasons inside. */
export function outcomeTree(rows: Row[], lang: Lang): OutcomeNode[] {
	const byRow = new Map(rows.map((r) => [String(r.row_code), num(r.value) ?? 0]));
	const defs = [...FORMATS['2021'].requests.rows];
	const tree: OutcomeNode[] = [];
	for (const group of REQUEST_OUTCOME_GROUPS) {
		const members = defs.filter((d) => d.group === group && !(group === 'other' && d.code === 'other'));
		const label = OUTCOME_GROUP_LABELS[group][lang];
		if (group === 'granted' || group === 'partial') {
			tree.push({ name: label, value: byRow.get(group) ?? 0 });
			continue;
		}
		const children = members.map((d) => ({ name: inLang(lang, d.label.replace(/^\d+\./, ''), d.en), value: byRow.get(d.code) ?? 0 }));
		// 2019 reports print 其他处理 as one row: it stays one leaf.
		if (group === 'other') children.unshift({ name: t(lang, 'otherSingleRow'), value: byRow.get('other') ?? 0 });
		const value = children.reduce((s, c) => s + c.value, 0);
		tree.push({ name: label, value, children: children.filter((c) => c.value > 0) });
	}
	return tree;
}

export function outcomeOption(tree: OutcomeNode[], lang: Lang): EChartsCoreOption {
	const total = tree.reduce((s, n) => s + n.value, 0);
	return {
		...base(),
		tooltip: {
			trigger: 'item',
			formatter: (p: { name: string; value: number; treePathInfo?: { name: string }[] }) =>
				`${escapeHtml(
					(p.treePathInfo ?? [])
						.slice(1)
						.map((x) => x.name)
						.join(' › ') || p.name
				)}<br/>${escapeHtml(formatCount(p.value, lang))}（${escapeHtml(formatRate(total ? p.value / total : null))}）`
		},
		series: [
			{
				type: 'sunburst',
				data: tree.filter((n) => n.value > 0),
				radius: ['12%', '92%'],
				sort: undefined,
				label: { rotate: 'radial', minAngle: 8, fontSize: 11 },
				levels: [
					{},
					{ r0: '12%', r: '55%', label: { rotate: 0, fontSize: 12, minAngle: 14 } },
					{ r0: '55%', r: '92%', label: { fontSize: 10, minAngle: 12, overflow: 'truncate', width: 110 } }
				]
			}
		]
	};
}

/** Reviews and lawsuits: each kind with its results. */
export function appealsOption(rows: Row[], lang: Lang): EChartsCoreOption {
	const kinds = FORMATS['2021'].appeals.rows;
	const cols = APPEAL_COLUMNS.filter((c) => c.code !== 'total');
	const get = (row: string, col: string) => num(rows.find((r) => r.row_code === row && r.col_code === col)?.value) ?? 0;
	return {
		...base(),
		tooltip: axisTooltip((v) => formatCount(v, lang)),
		legend: { top: 0 },
		grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'value' },
		yAxis: { type: 'category', data: kinds.map((k) => inLang(lang, k.label, k.en)) },
		series: cols.map((c) => ({ type: 'bar', stack: 'appeals', name: inLang(lang, c.label, c.en), data: kinds.map((k) => get(k.code, c.code)) }))
	};
}

/** Compare: the measure per group over the years, one line per group. */
export function compareOption(rows: Row[], measure: Measure, lang: Lang, labelOf: (key: string, label: string) => string): EChartsCoreOption {
	const years = [...new Set(rows.map((r) => Number(r.year)))].sort();
	const keys = [...new Set(rows.map((r) => String(r.key)))];
	const fmt = (v: number | null) => (measure.kind === 'rate' ? formatRate(v) : formatCount(v, lang));
	return {
		...base(),
		tooltip: axisTooltip(fmt),
		legend: { top: 0, type: 'scroll' },
		grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: years.map(String) },
		yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
		series: keys.map((k) => {
			const label = String(rows.find((r) => r.key === k)?.label ?? k);
			return { type: 'line', name: labelOf(k, label), data: years.map((y) => num(rows.find((r) => r.key === k && Number(r.year) === y)?.value)), symbolSize: 6 };
		})
	};
}

/** Coverage: agencies × years, a cell per report (red when a check failed), blank when missing. */
export function coverageOption(rows: Row[], agencies: { key: string; name: string }[], years: number[], lang: Lang): EChartsCoreOption {
	const idx = new Map(agencies.map((a, i) => [a.key, i]));
	const data = rows.filter((r) => idx.has(String(r.key))).map((r) => [years.indexOf(Number(r.year)), idx.get(String(r.key))!, Number(r.failed) > 0 ? 2 : 1]);
	return {
		...base(),
		tooltip: {
			formatter: (p: { value: number[] }) =>
				`${escapeHtml(agencies[p.value[1]]?.name)} · ${years[p.value[0]]}<br/>${t(lang, p.value[2] === 2 ? 'coverageFailed' : 'coveragePresent')}`
		},
		grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
		xAxis: { type: 'category', data: years.map(String), position: 'top', splitArea: { show: true } },
		yAxis: { type: 'category', data: agencies.map((a) => a.name), inverse: true, axisLabel: { fontSize: 10, width: 180, overflow: 'truncate' } },
		visualMap: {
			type: 'piecewise',
			show: false,
			pieces: [
				{ value: 1, color: '#8fbf9f' },
				{ value: 2, color: '#d9534f' }
			]
		},
		series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }]
	};
}
