import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serializeState, type Domain } from '../../src/lib/state/filters';
import { formatChange, formatCount, formatRate } from '../../src/lib/format';
import { appealsOption, outcomeTree, yearsLineOption } from '../../src/lib/charts/options';

const DOMAIN: Domain = {
	provinces: ['河南省'],
	cities: ['郑州市'],
	counties: ['金水区', '管城回族区'],
	years: [2019, 2020, 2021],
	agencies: ['410105|甲局'],
	reports: ['0123456789abcdef']
};

describe('URL state', () => {
	it('round-trips a view', () => {
		const s = {
			...DEFAULT_STATE,
			view: 'compare' as const,
			county: '金水区',
			kind: 'education',
			q: '教育',
			from: 2019,
			to: 2021,
			by: 'agency' as const,
			items: ['410105|甲局'],
			measure: 'disclosure_rate',
			yearA: 2019,
			yearB: 2021
		};
		const back = parseState(serializeState(s), DOMAIN);
		expect(back.dropped).toEqual([]);
		expect(back.state).toEqual(s);
	});
	it('drops values that are not codes or in the data, with a notice', () => {
		const { state, dropped } = parseState(new URLSearchParams('view=hack&kind=<script>&county=不存在区&from=1999&measure=drop table&report=zz'), DOMAIN);
		expect(state).toEqual(DEFAULT_STATE);
		expect(dropped).toHaveLength(6);
	});
});

describe('number formats', () => {
	it('uses 万 and 亿 for large values', () => {
		expect(formatCount(9502)).toBe('9,502');
		expect(formatCount(123456)).toBe('12.35万');
		expect(formatCount(3.2e8)).toBe('3.2亿');
		expect(formatCount(null)).toBe('—');
		expect(formatRate(0.5463)).toBe('54.6%');
		expect(formatChange(110, 100, 'count')).toBe('+10.0%');
		expect(formatChange(0.5, 0.45, 'rate')).toBe('+5.0 pp');
	});
});

describe('chart options', () => {
	it('draw exactly the rows given and escape data text in tooltips', () => {
		const o = yearsLineOption(
			[
				{ year: 2019, new: 5 },
				{ year: 2020, new: null }
			],
			[{ key: 'new', name: '<img src=x onerror=alert(1)>' }],
			'zh'
		) as { xAxis: { data: string[] }; series: { data: unknown[] }[]; tooltip: { formatter: (p: unknown) => string } };
		expect(o.xAxis.data).toEqual(['2019', '2020']);
		expect(o.series[0].data).toEqual([5, null]);
		const html = o.tooltip.formatter([{ axisValueLabel: '2019', seriesName: '<img src=x onerror=alert(1)>', value: 5, marker: '' }]);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img');
	});
	it('builds the outcome tree with families and reasons', () => {
		const tree = outcomeTree(
			[
				{ row_code: 'granted', value: 5 },
				{ row_code: 'unable_not_held', value: 3 },
				{ row_code: 'other', value: 1 },
				{ row_code: 'other_misc', value: 2 }
			],
			'zh'
		);
		expect(tree.find((n) => n.name === '予以公开')?.value).toBe(5);
		expect(tree.find((n) => n.name === '无法提供')).toMatchObject({ value: 3, children: [{ name: '本机关不掌握相关政府信息', value: 3 }] });
		expect(tree.find((n) => n.name === '其他处理')?.value).toBe(3);
	});
	it('stacks appeals by result', () => {
		const o = appealsOption([{ row_code: 'review', col_code: 'corrected', value: 2 }], 'zh') as { series: { name: string; data: number[] }[] };
		expect(o.series.find((s) => s.name === '结果纠正')?.data).toEqual([2, 0, 0]);
	});
});
