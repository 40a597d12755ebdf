/** Which rows a view of a partitioned dataset needs, and which row groups may hold a region. */
import { describe, expect, it } from 'vitest';
import { perReport, scopeOf, type RegionRow } from '../../src/lib/data/scope';
import { divisionPrefix, provinceCodeOf, rowGroupMayHold } from '../../src/lib/schema/layout';

const R = (province_code: string, province: string, city: string | null, county: string | null, division_code: string): RegionRow => ({
	province_code,
	province,
	city,
	county,
	division_code
});
const REGIONS: RegionRow[] = [
	R('32', '江苏省', null, null, '320000'),
	R('32', '江苏省', '南京市', null, '320100'),
	R('32', '江苏省', '南京市', '鼓楼区', '320106'),
	R('32', '江苏省', '徐州市', '鼓楼区', '320302'),
	R('41', '河南省', null, null, '410000'),
	R('41', '河南省', '郑州市', null, '410100'),
	R('41', '河南省', '郑州市', '管城回族区', '410104'),
	R('41', '河南省', '开封市', '鼓楼区', '410204'),
	R('11', '北京市', '北京市', '东城区', '110101')
];
const NONE = { province: null, city: null, county: null };

describe('scopeOf', () => {
	it('no region: the national rollup', () => {
		expect(scopeOf(NONE, REGIONS)).toEqual({ level: 'national', key: 'national' });
	});

	it('a province: its rows of the county rollup', () => {
		expect(scopeOf({ ...NONE, province: '河南省' }, REGIONS)).toEqual({ level: 'province', key: 'province:41', province_code: '41', prefix: '41' });
	});

	it('a city: its own agencies and its counties, from the province partition', () => {
		const s = scopeOf({ ...NONE, province: '河南省', city: '郑州市' }, REGIONS);
		expect(s).toEqual({ level: 'local', key: 'local:4101', parts: [{ province_code: '41', prefixes: ['4101'] }] });
	});

	it('a county: its own code', () => {
		expect(scopeOf({ province: '河南省', city: '郑州市', county: '管城回族区' }, REGIONS)).toMatchObject({
			level: 'local',
			parts: [{ province_code: '41', prefixes: ['410104'] }]
		});
	});

	it('a county name that recurs elsewhere: every match, across provinces', () => {
		const s = scopeOf({ ...NONE, county: '鼓楼区' }, REGIONS);
		expect(s).toMatchObject({
			level: 'local',
			parts: [
				{ province_code: '32', prefixes: ['320106', '320302'] },
				{ province_code: '41', prefixes: ['410204'] }
			]
		});
		expect(scopeOf({ ...NONE, province: '江苏省', city: '徐州市', county: '鼓楼区' }, REGIONS)).toMatchObject({ parts: [{ province_code: '32', prefixes: ['320302'] }] });
	});

	it('a region no report has: nothing to load', () => {
		expect(scopeOf({ ...NONE, province: '西藏自治区' }, REGIONS).level).toBe('none');
		expect(scopeOf({ ...NONE, province: '河南省', city: '南京市' }, REGIONS).level).toBe('none');
	});

	it('only local scopes hold single reports', () => {
		expect(perReport('local')).toBe(true);
		expect(perReport('all')).toBe(true);
		expect(perReport('national')).toBe(false);
		expect(perReport('province')).toBe(false);
	});
});

describe('division codes and row groups', () => {
	it('prefixes by level', () => {
		expect(divisionPrefix('410104', 'province')).toBe('41');
		expect(divisionPrefix('410104', 'city')).toBe('4101');
		expect(divisionPrefix('410104', 'county')).toBe('410104');
		expect(provinceCodeOf('410104')).toBe('41');
		expect(provinceCodeOf(null)).toBe('none');
	});

	it('a row group may hold a prefix when its min/max range covers it', () => {
		expect(rowGroupMayHold('410000', '410105', '4101')).toBe(true);
		expect(rowGroupMayHold('410106', '410300', '4101')).toBe(true);
		expect(rowGroupMayHold('410200', '419001', '4101')).toBe(false);
		expect(rowGroupMayHold('320000', '349999', '41')).toBe(false);
		expect(rowGroupMayHold('320000', '410000', '41')).toBe(true);
		expect(rowGroupMayHold('410104', '410104', '410104')).toBe(true);
		expect(rowGroupMayHold('410105', '410199', '410104')).toBe(false);
		// No statistics: it may hold anything.
		expect(rowGroupMayHold(null, null, '41')).toBe(true);
	});
});
