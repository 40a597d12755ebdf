/**
 * Agency and year from the layouts real reports use for their titles and opening sentences
 * (see real-variants.md); the texts are made up, the layouts are the ones seen on portals.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/lib/ingest/readers/text';
import { readHtml } from '../../src/lib/ingest/readers/html';
import { isoDate, recognize } from '../../src/lib/ingest/recognize';
import { resolveRegion } from '../../src/lib/ingest/regions';
import '../../ingest/node-host';

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
		['the report called 年报', '某某区统计局2023年政府信息公开年报\n一、总体情况', '某某区统计局', 2023],
		['a development zone alone stays as printed', '某某经济开发区2022年政府信息公开工作年度报告\n一、总体情况', '某某经济开发区', 2022],
		// A narrow PDF page (a portal page exported or printed) wraps a long title twice.
		[
			'the title wrapped twice',
			'当前位置：首页>政务公开>政府信息公开年报\n2022年某某市某某县人民防空办公室政府信息公\n开工作\n年度报告\n发布时间：2023-01-11',
			'某某市某某县人民防空办公室',
			2022
		],
		[
			'the agency above the title, its last characters wrapped',
			'当前位置：首页>政务公开>政府信息公开年报\n某某经济技术开发区某某街道办\n事处\n2021年度政府信息公开工作年度报告\n一、总体情况',
			'某某经济技术开发区某某街道办事处',
			2021
		],
		['an office publishing its government’s report (…办公室关于某某区…)', '某某区人民政府办公室关于某某区2022年政府信息公开工作年度报告\n一、总体情况', '某某区人民政府', 2022],
		['a cover letter’s title (…关于报送…)', '某某片区管理局关于报送2020年度政府信息公开工作年度报告\n一、总体情况', '某某片区管理局', 2020],
		['the year last, in brackets, without 年', '某某区政府信息公开工作年度报告（2022）\n一、总体情况', '某某区人民政府', 2022],
		['the year inside the report’s name', '某某市生态环境局政府信息公开工作2021年度报告\n一、总体情况', '某某市生态环境局', 2021],
		['the year in brackets, the agency on the line under the title', '政府信息公开工作年度报告\n（2022年度）\n某某市统计局\n一、总体情况', '某某市统计局', 2022],
		['the year in square brackets before the agency', '【2022年】某某县卫生健康局政府信息公开工作年度报告\n一、总体情况', '某某县卫生健康局', 2022],
		[
			'the agency wrapped above the title, the whole name printed in the source line',
			'当前位置：首页>政务公开\n某某经济技术开发区某某经济技术开发\n区某某街道办事处\n2021年度政府信息公开工作年度报告\n发布时间：2022-01-22 来源：某某经济技术开发区某某经济技术开发区某某街道办事处\n一、总体情况',
			'某某经济技术开发区某某经济技术开发区某某街道办事处',
			2021
		],
		['a name of its own above the title, nothing joining it to the line above', '政务公开专栏\n区财政局\n2021年度政府信息公开工作年度报告\n一、总体情况', '区财政局', 2021],
		[
			'a breadcrumb that ends in 年报 above a title that names its agency',
			'当前位置:街镇 > 某某镇 > 政务公开 > 政府信息公开年报\n某某镇2020年政府信息公开工作年度报告\n日期:2021-01-29\n一、总体情况',
			'某某镇',
			2020
		],
		[
			'the agency above the title, the breadcrumb above it',
			'当前位置：首页>政务公开>政府信息公开年报\n某某区财政局\n2021年度政府信息公开工作年度报告\n一、总体情况',
			'某某区财政局',
			2021
		],
		[
			'the year run into the report’s name, without 年',
			'某某区卫生健康委员会 2021政府信息公开工作年度报告\n某某区卫生健康委员会\n2021政府信息公开工作年度报告\n一、 总体情况\n2021年我委认真贯彻落实有关规定。',
			'某某区卫生健康委员会',
			2021
		]
	])('title: %s', (_, text, agency, year) => {
		expect(identity(text)).toMatchObject({ agency, year, sources: { agency: '标题', year: '标题' } });
	});

	it('no title: the sentence that publishes the report names the agency, the statistics period the year', () => {
		const text = '根据《条例》有关要求，现将某某区某某街道办事处2024年度政府信息工作年度报告予以公开。本报告所列数据的统计期限自2024年1月1日至2024年12月31日。\n一、总体情况';
		expect(identity(text)).toMatchObject({ agency: '某某区某某街道办事处', year: 2024, sources: { agency: '正文', year: '正文' } });
	});

	it('no title: a sentence with ASCII punctuation is no title; the agency is the one that compiles the report', () => {
		const text = '一、总体情况\n根据《中华人民共和国政府信息公开条例》的要求,某某市某某区某某街道特编制2023年政府信息公开年度报告。\n（一）加大公开力度';
		expect(identity(text)).toMatchObject({ agency: '某某市某某区某某街道', year: 2023, sources: { agency: '正文' } });
	});

	it('no title: a sub-district named without 办事处 in the publishing sentence', () => {
		const text = '一、总体情况\n根据《条例》要求,现公布某某街道2023年度政府信息公开工作年度报告。报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。';
		expect(identity(text)).toMatchObject({ agency: '某某街道', year: 2023, sources: { agency: '正文', year: '正文' } });
	});

	it('no title: the year the publishing sentence names, when no statistics period is given', () => {
		const text =
			'一、总体情况\n本年度报告根据《中华人民共和国政府信息公开条例》及区政府关于信息公开工作的有关规定编制而成，全文包括总体情况等六部分。现将某某市某某区文化和旅游局2024年政府信息公开工作年度报告如下：\n（一）主动公开';
		expect(identity(text)).toMatchObject({ agency: '某某市某某区文化和旅游局', year: 2024, sources: { agency: '正文', year: '正文' } });
	});

	it.each([
		['统计期限为2024年1月1日至12月31日', 2024],
		['统计时限自2023年1月1日起至12月31日止', 2023],
		['统计期限为2022年1月1日至2022年12月31日', 2022]
	])('no title: the statistics period printed as %s', (period, year) => {
		const text = `根据《条例》规定编制本年度报告。本报告中所列数据${period}。\n一、总体情况\n本年度，我局坚持依法公开。`;
		expect(identity(text)).toMatchObject({ year, sources: { year: '正文' } });
	});

	it('no title: the subject of the overview’s first sentence, after the contact that names it in full', () => {
		const subject =
			'根据《条例》有关规定，编制本报告。报告中所列数据统计期限从2021年1月1日到12月31日止。\n一、总体情况\n2021年，某某旗卫生健康委员会坚持以习近平新时代中国特色社会主义思想为指导，不断完善信息公开机制。';
		expect(identity(subject)).toMatchObject({ agency: '某某旗卫生健康委员会', year: 2021, sources: { agency: '正文', year: '正文' } });
		const guided = '2021年，某某市卫生健康委员会以新思想为指引，深入贯彻落实《中华人民共和国政府信息公开条例》。\n一、总体情况\n2021年，市卫生健康委高度重视政府信息公开工作。';
		expect(identity(guided)).toMatchObject({ agency: '某某市卫生健康委员会', year: 2021 });
		// A 街道 named as Guangzhou's are, its own report saying 我街.
		const street = '一、总体情况\n2022年，某某街以新思想为指导，全面推进政务公开工作。\n（一）主动公开方面\n2022年，我街共受理政府信息公开申请1件。';
		expect(identity(street)).toMatchObject({ agency: '某某街', year: 2022 });
		const contact =
			'2022年，某某街道办事处按照上级要求，不断拓展公开内容。\n本年度报告根据《条例》编制。如对本报告有疑问，请联系某某市某某区某某街道办事处（办公地址：某某大街76号）。\n一、总体情况';
		expect(identity(contact)).toMatchObject({ agency: '某某市某某区某某街道办事处', sources: { agency: '经办单位' } });
		// The leadership the year's work was under is no agency.
		expect(identity('2023年，在区委、区政府的坚强领导下，我局认真贯彻落实有关规定。\n一、总体情况').agency).toBeUndefined();
	});

	it('no title: the office that compiled the report stands for its agency, a government’s office for itself', () => {
		const township =
			'一、工作基本情况\n本报告是根据《条例》要求，由某某镇人民政府党政办公室编制。本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。\n二、主动公开政府信息情况';
		expect(identity(township)).toMatchObject({ agency: '某某镇人民政府', year: 2020, sources: { agency: '正文' } });
		const office = '本报告由某某市人民政府办公室根据《条例》编制。统计期限为2020年1月1日至2020年12月31日。\n一、总体情况';
		expect(identity(office)).toMatchObject({ agency: '某某市人民政府办公室' });
	});

	it('a sentence announcing the report (现将…报告公布如下（…）) is no title: the title above it is', () => {
		const text =
			'当前位置:街镇 > 某某镇 > 政务公开 > 政府信息公开年报\n某某镇2020年政府信息公开工作年度报告\n日期:2021-01-29\n字体:【 默认 超大\n分享:\n\n某某镇政府信息公开工作年度报告\n\n2020年，某某镇严格按照有关规定开展工作。\n\n现将2020年度政府信息公开工作报告公布如下（本报告所列数据统计期限自2020年1月1日起至2020年12月31日止）：\n\n一、总体情况';
		expect(identity(text)).toMatchObject({ agency: '某某镇', year: 2020, sources: { agency: '标题', year: '标题' } });
	});

	it('no title and no agency in the text: the file name', () => {
		expect(identity('一、总体情况\n本年度工作平稳。', '某某县统计局2021年政府信息公开工作年度报告.txt')).toMatchObject({
			agency: '某某县统计局',
			year: 2021,
			sources: { agency: '文件名', year: '文件名' }
		});
	});

	it('a portal info table kept as bar-separated lines: its publisher and date, unless the publisher names no place', () => {
		const placed =
			'某某街道2025年政府信息公开工作年度报告\n| 索引号 | 620702081/2026-00007 | 发文字号 | |\n| 关键词 | 发布机构 | 某某办事处 | |\n| 生成日期 | 2026-01-23 16:24:38 | 是否有效 |\n一、总体情况';
		expect(recognize(readText(placed), 'x.txt')).toMatchObject({
			agency: '某某办事处',
			year: 2025,
			published: '2026-01-23',
			sources: { agency: '页面信息', published: '页面信息' }
		});
		const unplaced =
			'索 引 号 | 014416330/2019-00001 | 分 类 | 政府信息公开年报 |\n发布机构 | 市政府办 | 发文日期 | 2019-02-28 |\n根据规定，现公布某某市人民政府2018年政府信息公开工作年度报告。\n一、主要工作概述';
		expect(recognize(readText(unplaced), 'x.txt')).toMatchObject({ agency: '某某市人民政府', year: 2018, published: '2019-02-28', sources: { agency: '正文' } });
	});

	it('a place the body names in passing (a study trip to another city) is no part of the report’s own, though its lines run long', () => {
		const body = `某某片区管理局2020年度政府信息公开工作年度报告\n一、总体情况\n${'推进政务公开标准化规范化工作。'.repeat(6)}二是选派人员前往福安市调研学习，结合实际编制标准目录。${'做好村务公开与政务公开的衔接。'.repeat(4)}\n六、其他需要报告的事项\n无。 某某片区管理局2021年1月26日`;
		const who = recognize(readText(body), 'x.txt');
		expect(who.agency).toBe('某某片区管理局');
		expect(resolveRegion(who.agency!, who.context)).toBeUndefined();
		// A footer (short of a paragraph) lends its place whole, its start too.
		const footer = `${body.replace('某某片区管理局2021年1月26日', '')}\n主办：宁德市某某局\u3000地址：某某路1号\u3000电话：0593-0000000\u3000网站标识码：0000000000\u3000备案号：闽ICP备00000000号-1`;
		expect(resolveRegion(who.agency!, recognize(readText(footer), 'x.txt').context)?.division_code).toBe('350900');
		// The signature run into the last line still lends its place.
		expect(resolveRegion(who.agency!, recognize(readText(body.replace('某某片区管理局2021', '宁德市某某片区管理局2021')), 'x.txt').context)?.division_code).toBe('350900');
	});

	it("a publisher that is the portal's operator yields to the title naming the report's agency, and lends it its place", () => {
		const operator = '东街街道2023年度政府信息公开工作年度报告\n| 索引号 | 620702074/2024-00047 | 发布机构 | 甘州区政务服务管理局 |\n| 发布日期 | 2024-01-26 |\n一、总体情况';
		const who = recognize(readText(operator), 'x.txt');
		expect(who).toMatchObject({ agency: '东街街道', year: 2023, published: '2024-01-26', sources: { agency: '标题', published: '页面信息' } });
		expect(resolveRegion(who.agency!, who.context)).toMatchObject({ county: '甘州区', division_code: '620702' });
		// The county's government posting a 街道's report is another agency too; the 街道's own 办事处 is the same one, named in full.
		expect(recognize(readText(operator.replace('甘州区政务服务管理局', '甘州区人民政府')), 'x.txt')).toMatchObject({ agency: '东街街道' });
		expect(recognize(readText(operator.replace('甘州区政务服务管理局', '甘州区东街街道办事处')), 'x.txt')).toMatchObject({
			agency: '甘州区东街街道办事处',
			sources: { agency: '页面信息' }
		});
	});

	it("an info table kept as text printing the title again after its labels is no title, nor its labels' line a name", () => {
		const text =
			'当前位置: 首页>政府信息公开>政府信息公开年报>2023年>部门公开年报\n某某街道2023年度政府信息公开工作年度报告\n发表日期:2024-01-26 15:35:23 发布机构:政务服务管理局\n索引号 620702074/2024-00047 发文字号 某某街道2023年度政府信息公开工作年度报告号\n关键词 发布机构 政务服务管理局\n生成日期 2024-01-26 15:35:23 是否有效\n一、总体情况';
		expect(identity(text)).toMatchObject({ agency: '某某街道', year: 2023, sources: { agency: '标题' } });
	});

	it('a publisher named without its place, and nothing better: the publisher as printed', () => {
		const text = '发布机构 | 区统计局 | 发文日期 | 2024-01-20 |\n索引号 | 0000/2024-1 | 分类 | 年报 |\n一、总体情况\n本年度工作平稳。';
		expect(recognize(readText(text), 'x.txt')).toMatchObject({ agency: '区统计局', published: '2024-01-20', sources: { agency: '页面信息' } });
	});

	it("no title: the report's own title quoted in the body names agency and year", () => {
		const text = '一、总体情况\n按照通知要求，某某街道开展本年度工作，现编制《某某街道办事处2024年政府信息公开工作年度报告》。\n（一）主动公开';
		expect(identity(text)).toMatchObject({ agency: '某某街道办事处', year: 2024, sources: { agency: '正文', year: '正文' } });
		// Other documents quoted by name (the format, the notice) name no agency and no year.
		const notice = '一、总体情况\n根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。';
		expect(identity(notice, 'x.txt')).toMatchObject({ agency: undefined, year: undefined });
	});

	it('no title: the subject that 贯彻落实《条例》, after the last comma; 我局 or 本街道 is no agency', () => {
		const text = '一、总体情况\n2024年，在区委、区政府的领导下，某某街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》，依法公开政府信息。';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某街道办事处', sources: { agency: '正文' } });
		expect(identity('一、总体情况\n2024年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。', 'x.txt').agency).toBeUndefined();
		expect(identity('一、总体情况\n2024年，本街道深入贯彻《政府信息公开条例》。', 'x.txt').agency).toBeUndefined();
	});

	it('nothing else names the year: the one the overview names most (dates aside), with a warning-worthy source', () => {
		const text = '一、总体情况\n2024年，某某街道依法公开政府信息。2024年，通过门户网站主动公开信息63条。2023年度的问题已整改。\n二、主动公开政府信息情况';
		expect(identity(text, 'x.txt')).toMatchObject({ year: 2024, sources: { year: '正文年份' } });
		expect(identity('一、总体情况\n2024年，我局依法公开。2024年全年累计公开信息28条，自2025年1月1日起施行新办法。', 'x.txt').year).toBe(2024);
		// Once only, or two years as often: no year.
		expect(identity('一、总体情况\n2024年，某某街道依法公开政府信息。', 'x.txt').year).toBeUndefined();
		expect(identity('一、总体情况\n2024年，甲。2023年，乙。', 'x.txt').year).toBeUndefined();
		// The file name's year comes first.
		expect(identity(text, '某某街道2025年报.txt')).toMatchObject({ year: 2025, sources: { year: '文件名' } });
	});

	it('a crawler line running on from the title into the first section', () => {
		const text =
			'某某县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年，某某县政府信息公开工作以条例为依据，紧紧围绕县委、县政府中心工作，深化重点领域信息公开，完善政务公开制度规范。（一）主动公开政府信息情况。';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某县人民政府', year: 2019, sources: { agency: '标题', year: '标题' } });
	});

	it("a portal's tag before the title is no part of the agency", () => {
		expect(identity('【图文】某某市市场监督管理局2022年度政府信息公开工作年度报告\n一、总体情况')).toMatchObject({ agency: '某某市市场监督管理局', year: 2022 });
		expect(identity('[转载] 某某县统计局2021年政府信息公开工作年度报告\n一、总体情况')).toMatchObject({ agency: '某某县统计局', year: 2021 });
	});

	it('no title: the publishing sentence names 某某镇人民政府 sharing its 政府 with 政府信息公开', () => {
		const text = '根据《条例》要求，现特向社会公布2024年某某镇人民政府信息公开工作年度报告。\n一、总体情况';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某镇人民政府', year: 2024, sources: { agency: '正文', year: '正文' } });
	});

	it('titles 关于…工作情况的报告 and a letter-spaced year', () => {
		expect(identity('某某市财政局关于2023年度政府信息公开工作情况的报告\n一、总体情况')).toMatchObject({ agency: '某某市财政局', year: 2023 });
		expect(identity('2 0 2 3 年某某区卫生健康委员会政府信息公开工作年度报告\n一、总体情况')).toMatchObject({ agency: '某某区卫生健康委员会', year: 2023 });
	});

	it('a sentence that introduces the report (现将…报告如下) names no agency, only the year', () => {
		for (const line of [
			'现将2020年政府信息公开工作报告如下：',
			'现将我乡2020年政府信息公开年度报告编制和公布工作有关情况报告如下：',
			'现将2020年度政府信息公开工作情况报告如下：'
		]) {
			expect(identity(`${line}\n一、总体情况\n本年度工作平稳。`, 'x.txt')).toMatchObject({ agency: undefined, year: 2020, sources: { year: '正文' } });
		}
	});

	it('a date in the body before the year is over is no signature', () => {
		const text = '一、总体情况\n2020年，某某局依法公开政府信息。截至2020年12月31日，2020年全年主动公开政府信息41条。';
		expect(recognize(readText(text), 'x.txt')).toMatchObject({ year: 2020, published: undefined });
	});

	it('no title: a county named alone in the publishing sentence, its year printed without 年', () => {
		const text = '根据《条例》要求，现将某某自治县2021政府信息公开工作年度报告进行公开。\n一、总体情况';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某自治县人民政府', year: 2021, sources: { agency: '正文', year: '正文' } });
	});

	it('a sentence opening on the title, the statistics 日期, and 信息公开 without 政府', () => {
		const opening = `一、总体情况\n某某乡2021年度政府信息公开工作年度报告根据国家及省、州、县各级的有关规定编制而成。${'全文由总体情况等六部分组成。'.repeat(4)}本报告中所列数据的统计日期为2021年1月1日—2021年12月31日。`;
		expect(identity(opening, 'x.txt')).toMatchObject({ agency: '某某乡', year: 2021, sources: { agency: '标题', year: '标题' } });
		expect(identity('某某县人民政府2021年度\n信息公开年度报告\n（2022年1月）\n一、总体情况')).toMatchObject({ agency: '某某县人民政府', year: 2021 });
		expect(recognize(readText('一、总体情况\n本报告中所列数据的统计日期为2021年1月1日—2021年12月31日。'), 'x.txt')).toMatchObject({ year: 2021, published: undefined });
	});

	it('no title: the subject that 严格对照《条例》; a kind of agency alone (园区) is no name', () => {
		expect(identity('一、总体情况\n2024年，某某区人民政府办公室严格对照《中华人民共和国政府信息公开条例》有关要求开展工作。', 'x.txt').agency).toBe('某某区人民政府办公室');
		expect(identity('一、总体情况\n2024年，园区认真贯彻落实《政府信息公开条例》。', 'x.txt').agency).toBeUndefined();
	});

	it('full-width digits in the title, the statistics period and dates', () => {
		expect(identity('某某县民政局２０２３年政府信息公开工作年度报告\n一、总体情况')).toMatchObject({ agency: '某某县民政局', year: 2023 });
		expect(identity('一、总体情况\n本报告所列数据的统计期限为２０２２年１月１日至２０２２年１２月３１日。', 'x.txt')).toMatchObject({ year: 2022, sources: { year: '正文' } });
		expect(isoDate('２０２３年２月２０日')).toBe('2023-02-20');
	});

	it('nothing else names the agency: whom to ask about the report, its office left out; a working group is none', () => {
		const text = '本报告的统计期限为2020年1月1日到2020年12月31日止。如对本报告有任何疑问，请与某某市某某区人民政府办公室联系（地址：某某路1号）。\n一、总体情况';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某市某某区人民政府办公室', year: 2020, sources: { agency: '经办单位' } });
		expect(identity('一、总体情况\n如对本报告有疑问，请与某某市统计局办公室联系。', 'x.txt').agency).toBe('某某市统计局');
		// A division of a government's office: the office.
		expect(identity('一、总体情况\n对本报告如有疑问，请与某某实验区管委会办公室保密与电子政务处联系。', 'x.txt').agency).toBe('某某实验区管委会办公室');
		expect(identity('一、总体情况\n如对本报告有疑问，请联系：某某县某某镇人民政府；联系电话：0000-1234567。', 'x.txt').agency).toBe('某某县某某镇人民政府');
		expect(identity('一、总体情况\n如对本报告有疑问，请联系：某某县某某乡信息公开领导小组办公室，邮编：324403。', 'x.txt').agency).toBeUndefined();
		const compiled = '本年度报告按照通知的要求，由某某市某某区人民政府某某街道党政办公室综合科编制。\n一、总体情况';
		// Who compiled it is the body's word (本报告…由…编制), its office and section left out.
		expect(identity(compiled, 'x.txt')).toMatchObject({ agency: '某某市某某区人民政府某某街道', sources: { agency: '正文' } });
		// The title, when there is one, comes first.
		expect(identity(`某某区统计局2020年政府信息公开工作年度报告\n${text}`)).toMatchObject({ agency: '某某区统计局', sources: { agency: '标题' } });
	});

	it("an info table's key on the title's line; 现向社会公布 as a publishing sentence", () => {
		expect(identity('索 引 号 000/2026-00001 分 类 报告\n标 题 某某区教育局政府信息公开工作2025年度报告\n一、总体情况')).toMatchObject({ agency: '某某区教育局', year: 2025 });
		expect(identity('根据条例的有关规定，现向社会公布2021年某某市教育局政府信息公开工作年度报告。\n一、总体情况', 'x.txt')).toMatchObject({
			agency: '某某市教育局',
			year: 2021,
			sources: { agency: '正文' }
		});
	});

	it("no title: the agency that 现面向社会公开 its year's report", () => {
		const text = '根据条例的规定和文件要求，某某街道现面向社会公开2022年度政府信息公开年度报告。\n一、总体情况';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某街道', year: 2022, sources: { agency: '正文', year: '正文' } });
	});

	it('the subject that 严格按照《条例》 starts on its own line: a heading above is no part of it', () => {
		const text = '一、总体情况\n（一）加强领导，信息公开推进有序\n某某经济开发区管委会严格按照《中华人民共和国政府信息公开条例》，层层分解任务。';
		expect(identity(text, 'x.txt').agency).toBe('某某经济开发区管委会');
	});

	it('nothing else names the agency: the one that signs the report, before its date', () => {
		const body = '一、总体情况\n本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n六、其他需要报告的事项\n';
		expect(identity(`${body}暂无。 某某区交通与建设局 2021年1月2日 （联系人：某某）`, 'x.txt')).toMatchObject({ agency: '某某区交通与建设局', sources: { agency: '落款' } });
		// The last section's answer run into the name; a section signing for its agency.
		expect(identity(`${body}无某某区行政审批局 2021年1月19日`, 'x.txt').agency).toBe('某某区行政审批局');
		expect(identity(`${body}无。\n某某区经济发展局办公室\n2021年1月8日`, 'x.txt').agency).toBe('某某区经济发展局');
		// Text run into the name is no signature.
		expect(identity(`${body}详见附件：某某区统计局2021年1月8日`, 'x.txt').agency).toBeUndefined();
	});

	it('Markdown heading and bold marks around a title read as plain text', () => {
		expect(identity('# 某某县统计局2023年政府信息公开工作年度报告\n一、总体情况')).toMatchObject({ agency: '某某县统计局', year: 2023 });
		expect(identity('**某某县统计局**\n**2023年政府信息公开工作年度报告**\n一、总体情况')).toMatchObject({ agency: '某某县统计局', year: 2023 });
	});

	it("no title: a region's report summing its units' work (汇总某某区各有关单位…编制而成) names the region", () => {
		const text =
			'本报告根据《中华人民共和国政府信息公开条例》要求，汇总某某经济开发区各有关单位政府信息公开工作情况编制而成。对本报告如有疑问，请与某某经济开发区管委会办公室联系。\n一、总体情况';
		expect(identity(text, 'x.txt')).toMatchObject({ agency: '某某经济开发区', sources: { agency: '正文' } });
		expect(identity('本报告根据要求，汇总全区各部门情况编制而成。\n一、总体情况', 'x.txt').agency).toBeUndefined();
	});

	it('no title: 由某某局编制, 根据2023年某某局信息公开工作实际编制, the subject that 认真履行《条例》', () => {
		expect(identity('本报告根据条例有关规定由某某市司法局编制。\n一、总体情况', 'x.txt').agency).toBe('某某市司法局');
		expect(identity('本年报根据2023年某某市司法局信息公开工作实际编制而成。\n一、总体情况', 'x.txt')).toMatchObject({ agency: '某某市司法局', sources: { agency: '正文' } });
		expect(identity('一、总体情况\n2022年，某某区司法局认真履行《中华人民共和国政府信息公开条例》规定的法定义务。', 'x.txt').agency).toBe('某某区司法局');
		expect(identity('一、总体情况\n2020年，某某省人民政府办公厅认真落实条例和有关决策部署。', 'x.txt').agency).toBe('某某省人民政府办公厅');
		expect(identity('一、总体情况\n2025年，某某县水利局坚持以《中华人民共和国政府信息公开条例》为根本遵循。', 'x.txt').agency).toBe('某某县水利局');
		// Not an agency: the whole city's work, or the report's own.
		expect(identity('一、总体情况\n根据2023年全市政府信息公开工作部署编制。', 'x.txt').agency).toBeUndefined();
	});

	it("a portal's list of other reports above the article: the title nearest the report's first section or sentence", () => {
		const list = '热点信息\n某某市财政局2021年政府信息公开工作年度报告\n某某市教育局2023年政府信息公开工作年度报告\n';
		expect(identity(`${list}某某区统计局2022年政府信息公开工作年度报告\n一、总体情况`)).toMatchObject({ agency: '某某区统计局', year: 2022, sources: { agency: '标题' } });
		expect(identity(`${list}某某区统计局\n2022年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》要求编制本报告。`)).toMatchObject({
			agency: '某某区统计局',
			year: 2022
		});
		// The article's title names no agency: a title in the list above does not lend it one.
		expect(
			identity(`${list}2022年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，现公布某某区统计局2022年政府信息公开工作年度报告。\n一、总体情况`)
		).toMatchObject({
			agency: '某某区统计局',
			year: 2022,
			sources: { agency: '正文', year: '标题' }
		});
		// An article with no title line: a list after its body names another report; its own sentences come first.
		const untitled =
			'根据《中华人民共和国政府信息公开条例》要求，现公布某某区统计局2022年政府信息公开工作年度报告。\n一、总体情况\n……\n相关文章\n某某市财政局2021年政府信息公开工作年度报告';
		expect(identity(untitled)).toMatchObject({ agency: '某某区统计局', year: 2022, sources: { agency: '正文', year: '正文' } });
		expect(identity('本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n……\n相关文章\n某某市财政局2021年政府信息公开工作年度报告')).toMatchObject({
			year: 2022,
			sources: { year: '正文' }
		});
		// A list after the article (相关阅读, 上一篇) was never read as its title.
		expect(identity('某某区统计局2022年政府信息公开工作年度报告\n一、总体情况\n……\n上一篇：某某市财政局2021年政府信息公开工作年度报告')).toMatchObject({
			agency: '某某区统计局',
			year: 2022
		});
	});

	it("a web page's links (its menu, a list of other reports beside a title-less article) name no agency or year", () => {
		const list = '<ul class="side"><li><a href="/a">某某市财政局2021年政府信息公开工作年度报告</a></li><li><a href="/b">某某市教育局2023年政府信息公开工作年度报告</a></li></ul>';
		const article = '<p>本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。对本报告如有疑问，请与某某区统计局办公室联系。</p><p>一、总体情况</p><p>……</p>';
		for (const html of [`<body>${list}${article}</body>`, `<body>${article}${list}</body>`]) {
			const page = readHtml(`<html><head><title>某某区人民政府门户网站</title></head>${html}</html>`);
			expect(page.blocks.filter((b) => b.kind === 'text' && b.link).map((b) => b.kind === 'text' && b.text)).toHaveLength(2);
			expect(recognize(page, 'x.html')).toMatchObject({ agency: '某某区统计局', year: 2022, sources: { agency: '经办单位', year: '正文' } });
		}
		// A title whose words are partly a link (a keyword linked) is the page's own line.
		const linked = readHtml('<body><h1>某某区统计局<a href="/k">2022年</a>政府信息公开工作年度报告</h1><p>一、总体情况</p></body>');
		expect(recognize(linked, 'x.html')).toMatchObject({ agency: '某某区统计局', year: 2022, sources: { agency: '标题' } });
	});

	it('a breadcrumb with slashes naming the year is no part of the title', () => {
		const text = '首页/ 政府信息公开 / 政府信息公开年报 / 镇街 / 2021年 / 正文\n\n某某镇2021年政府信息公开工作年度报告\n\n一、总体情况';
		expect(identity(text)).toMatchObject({ agency: '某某镇', year: 2021, sources: { agency: '标题' } });
	});

	it('no title, ASCII punctuation: the title a sentence compiles or publishes, and a looser statistics period', () => {
		expect(identity('根据条例及有关年报编制文件要求,编制某某区卫生健康局2024年度政府信息公开工作报告。\n一、总体情况', 'x.txt')).toMatchObject({
			agency: '某某区卫生健康局',
			year: 2024,
			sources: { agency: '正文', year: '正文' }
		});
		expect(identity('按照条例要求,特向社会公布2024年度某某市卫生健康局信息公开年度报告。本报告由某某市卫生健康局结合有关统计数据编制。\n一、总体情况', 'x.txt')).toMatchObject({
			agency: '某某市卫生健康局',
			year: 2024
		});
		expect(identity('一、总体情况\n所列统计数据时间范围为2024年1月1日至2024年12月31日。', 'x.txt')).toMatchObject({ year: 2024, sources: { year: '正文' } });
	});
});

describe("a page's info block written as lines, not a table", () => {
	const body = '2020年政府信息公开工作年度报告\n本报告由本机关编制，所列数据的统计期限为2020年1月1日至2020年12月31日。\n一、总体情况\n2020年，我镇认真贯彻落实《条例》。';
	it.each([
		['one line, full-width spaces between fields', '索 引 号：0012345/2021-00003　　发布机构：某某县某某镇人民政府　　发布日期：2021-01-20'],
		['spans run together, a field the page adds after them', '索引号：0012345/2021-00003 发布机构：某某县某某镇人民政府 发布日期：2021-01-20 浏览次数：123'],
		['one field a line', '索引号：0012345/2021-00003\n发布机构：某某县某某镇人民政府\n发布日期：2021-01-20'],
		['a bullet list with each value under its label', '• 发布机构:\n• 某某县某某镇人民政府\n• 发布日期:\n• 2021-01-20'],
		['a definition list (label, then value, no colon)', '发布机构\n某某县某某镇人民政府\n发布日期\n2021-01-20']
	])('%s', (_, block) => {
		const { agency, year, published, sources } = recognize(readText(`首页 > 政务公开 > 政府信息公开年报\n${block}\n${body}`), 'x.txt');
		expect({ agency, year, published, sources }).toEqual({
			agency: '某某县某某镇人民政府',
			year: 2020,
			published: '2021-01-20',
			sources: { agency: '页面信息', year: '标题', published: '页面信息' }
		});
	});

	it('in a web page: spans in a div', () => {
		const html = `<html><body><div class="info"><span>索引号：</span><span>0012345/2021-00003</span> <span>发布机构：</span><span>某某县某某镇人民政府</span> <span>发布日期：</span><span>2021-01-20</span></div>${body
			.split('\n')
			.map((l) => `<p>${l}</p>`)
			.join('')}</body></html>`;
		expect(recognize(readHtml(html), 'x.html')).toMatchObject({ agency: '某某县某某镇人民政府', published: '2021-01-20', sources: { agency: '页面信息' } });
	});

	it('is not read from the body, nor from one field alone, nor from 来源 (often the portal’s owner)', () => {
		expect(recognize(readText(`${body}\n发布机构：某某县某某镇人民政府\n发布日期：2021-01-20`), 'x.txt').agency).toBeUndefined();
		expect(recognize(readText(`发布机构：某某县某某镇人民政府\n${body}`), 'x.txt').agency).toBeUndefined();
		const source = recognize(readText(`来源：本网\u3000发布时间：2021-01-20 10:22\n${body}`), 'x.txt');
		expect(source.agency).toBeUndefined();
		expect(source.published).toBe('2021-01-20');
	});
});

describe('the page’s 来源 (source) field', () => {
	const body = '2020年政府信息公开工作年度报告\n本报告所列数据的统计期限为2020年1月1日至2020年12月31日。\n一、总体情况\n2020年，我镇认真贯彻落实《条例》。';
	it('names the agency only when nothing else does, as weak evidence', () => {
		const alone = recognize(readText(`来源：某某县某某镇人民政府\u3000发布时间：2021-01-20 10:22\u3000浏览次数：123\n${body}`), 'x.txt');
		expect(alone).toMatchObject({ agency: '某某县某某镇人民政府', published: '2021-01-20', sources: { agency: '页面来源', published: '页面信息' } });
		const signed = recognize(readText(`来源：某某县人民政府办公室\u3000发布时间：2021-01-20\n${body}\n某某县某某镇人民政府\n2021年1月20日`), 'x.txt');
		expect(signed).toMatchObject({ agency: '某某县某某镇人民政府', sources: { agency: '落款' } });
		expect(recognize(readText(`来源：本网\u3000发布时间：2021-01-20\n${body}`), 'x.txt').agency).toBeUndefined();
	});
});
