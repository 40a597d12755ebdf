/**
 * Agency and year from the layouts real reports use for their titles and opening sentences
 * (see real-variants.md); the texts are made up, the layouts are the ones seen on portals.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/lib/ingest/readers/text';
import { recognize } from '../../src/lib/ingest/recognize';

const identity = (text: string, file = 'report.txt') => {
	const { agency, year, sources } = recognize(readText(text), file);
	return { agency, year, sources: { agency: sources.agency, year: sources.year } };
};

describe('agency and year of a report', () => {
	it.each([
		['year first, the title over two lines', '2024年某某区某某街道办事处\n政府信息公开工作年度报告\n一、总体情况', '某某区某某街道办事处', 2024],
		['the title broken inside a word', '某某新区某某街道办事处2024年度政府\n信息公开工作年度报告\n一、总体情况', '某某新区某某街道办事处', 2024],
		['agency on one line, year and report on the next', '某某区某某街街道办事处\n2023年政府信息公开工作年度报告\n一、总体情况', '某某区某某街街道办事处', 2023],
		['the year last, in brackets; 人民政府 sharing its 政府 with 政府信息公开', '某某区人民政府信息公开工作年度报告（2023年度）\n一、总体情况', '某某区人民政府', 2023],
		['a region alone: its people’s government', '2022年某某市政府信息公开工作年度报告\n一、总体情况', '某某市人民政府', 2022],
		['a development zone alone stays as printed', '某某经济开发区2022年政府信息公开工作年度报告\n一、总体情况', '某某经济开发区', 2022]
	])('title: %s', (_, text, agency, year) => {
		expect(identity(text)).toMatchObject({ agency, year, sources: { agency: '标题', year: '标题' } });
	});

	it('no title: the sentence that publishes the report names the agency, the statistics period the year', () => {
		const text = '根据《条例》有关要求，现将某某区某某街道办事处2024年度政府信息工作年度报告予以公开。本报告所列数据的统计期限自2024年1月1日至2024年12月31日。\n一、总体情况';
		expect(identity(text)).toMatchObject({ agency: '某某区某某街道办事处', year: 2024, sources: { agency: '正文', year: '正文' } });
	});

	it('no title and no agency in the text: the file name', () => {
		expect(identity('一、总体情况\n本年度工作平稳。', '某某县统计局2021年政府信息公开工作年度报告.txt')).toMatchObject({
			agency: '某某县统计局',
			year: 2021,
			sources: { agency: '文件名', year: '文件名' }
		});
	});
});
