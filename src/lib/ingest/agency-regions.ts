/**
 * One agency, one region in every year. Reports of the same agency may name its region with
 * different precision (平潭综合实验区: 平潭县 in one year's page, only 福建省 in the next); the
 * most specific region its reports support is given to all of them, with a warning on each
 * report that changed. Evidence that conflicts (two different counties) is left as read, and
 * said so.
 */
import type { Warning } from './extract';

export interface RegionFields {
	report_id: string;
	agency: string;
	province: string | null;
	city: string | null;
	county: string | null;
	division_code: string | null;
}

/** 350000 → "35", 350100 → "3501", 350128 → "350128": the prefix every code inside it shares. */
function prefixOf(code: string): string {
	return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

function contains(outer: string, inner: string): boolean {
	return inner.startsWith(prefixOf(outer));
}

/** Harmonise in place; returns the warnings for each report that changed or conflicts. */
export function harmonizeRegions<T extends RegionFields>(reports: T[]): Map<string, Warning[]> {
	const out = new Map<string, Warning[]>();
	const byAgency = new Map<string, T[]>();
	for (const r of reports) byAgency.set(r.agency, [...(byAgency.get(r.agency) ?? []), r]);
	for (const [agency, list] of byAgency) {
		const located = list.filter((r) => r.division_code);
		const codes = [...new Set(located.map((r) => r.division_code!))];
		if (codes.length === 0 || (codes.length === 1 && located.length === list.length)) continue;
		const most = codes.reduce((a, b) => (prefixOf(b).length > prefixOf(a).length ? b : a));
		if (!codes.every((c) => contains(c, most))) {
			for (const r of list) {
				out.set(r.report_id, [
					...(out.get(r.report_id) ?? []),
					{ code: 'region_conflict', message: `“${agency}”的各年报告指向不同地区（${codes.join('、')}），未合并：请用 --region 或 .meta.json 指定` }
				]);
			}
			continue;
		}
		const source = located.find((r) => r.division_code === most)!;
		for (const r of list) {
			if (r.division_code === most) continue;
			const was = r.division_code ? [r.province, r.city, r.county].filter(Boolean).join(' › ') : '未确定';
			Object.assign(r, { province: source.province, city: source.city, county: source.county, division_code: most });
			out.set(r.report_id, [
				...(out.get(r.report_id) ?? []),
				{
					code: 'region_harmonized',
					message: `所属地区按该机关其他年度报告取更具体的 ${[source.province, source.city, source.county].filter(Boolean).join(' › ')}（${most}）；本报告自身只能确定为：${was}`
				}
			]);
		}
	}
	return out;
}
