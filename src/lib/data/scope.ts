/**
 * Which part of a partitioned (national) dataset a view needs, from the region filters:
 *  - national: no region chosen → the province rollup (a few thousand rows for all of China);
 *  - province: a province → its rows of the county rollup (one row per division × kind × year);
 *  - local: a city or county → its reports, figures and checks from the province partitions.
 * Agency lists, the report view, failed checks and name search need reports, so they need a
 * local scope. Pure: unit-tested without a browser.
 */
import { divisionPrefix } from '../schema/layout';

export interface RegionRow {
	province_code: string | null;
	province: string | null;
	city: string | null;
	county: string | null;
	division_code: string | null;
}

export type Scope =
	| { level: 'national'; key: 'national' }
	| { level: 'province'; key: string; province_code: string; prefix: string }
	| { level: 'local'; key: string; parts: { province_code: string; prefixes: string[] }[] }
	/** A chosen region that no report has (nothing to load). */
	| { level: 'none'; key: string };

export type ScopeLevel = Scope['level'];

/** Rollup scopes sum over regions: no agency names, no single reports. */
export function perReport(level: ScopeLevel | 'all'): boolean {
	return level === 'local' || level === 'all';
}

export function scopeOf(f: { province: string | null; city: string | null; county: string | null }, regions: RegionRow[]): Scope {
	if (!f.province && !f.city && !f.county) return { level: 'national', key: 'national' };
	const rows = regions.filter((r) => r.division_code && (!f.province || r.province === f.province) && (!f.city || r.city === f.city) && (!f.county || r.county === f.county));
	if (!rows.length) return { level: 'none', key: `none:${f.province ?? ''}|${f.city ?? ''}|${f.county ?? ''}` };
	if (!f.city && !f.county) {
		const code = rows[0].division_code!.slice(0, 2);
		return { level: 'province', key: `province:${code}`, province_code: code, prefix: code };
	}
	// A county name can recur in other cities (鼓楼区): each match is a prefix of its own.
	const level = f.county ? 'county' : 'city';
	const byProvince = new Map<string, Set<string>>();
	for (const r of rows) {
		const code = r.division_code!;
		// A city's own agencies (division 410100) belong to it; a county's are its own code.
		if (level === 'county' && !r.county) continue;
		const set = byProvince.get(code.slice(0, 2)) ?? new Set<string>();
		set.add(divisionPrefix(code, level));
		byProvince.set(code.slice(0, 2), set);
	}
	if (!byProvince.size) return { level: 'none', key: `none:${f.province ?? ''}|${f.city ?? ''}|${f.county ?? ''}` };
	const parts = [...byProvince].sort(([a], [b]) => a.localeCompare(b)).map(([province_code, s]) => ({ province_code, prefixes: [...s].sort() }));
	return { level: 'local', key: `local:${parts.map((p) => p.prefixes.join('+')).join('+')}`, parts };
}
