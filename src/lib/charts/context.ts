/** What a chart learns from the page around it: the theme, and a card that wants its instance (PNG export). */
import { getContext, setContext } from 'svelte';
import type { ECharts } from 'echarts/core';

const THEME = Symbol('chart-theme');
const HOLDER = Symbol('chart-holder');

export function setChartTheme(theme: () => 'light' | 'dark') {
	setContext(THEME, theme);
}
export function chartTheme(): 'light' | 'dark' {
	return (getContext(THEME) as (() => 'light' | 'dark') | undefined)?.() ?? 'light';
}

export interface ChartHolder {
	set(chart: ECharts | undefined): void;
}
export function setChartHolder(holder: ChartHolder) {
	setContext(HOLDER, holder);
}
export function chartHolder(): ChartHolder | undefined {
	return getContext(HOLDER);
}
