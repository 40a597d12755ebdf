/**
 * Start-up of the app's data: the dataset into DuckDB, the derived table, and the domain of
 * values the URL parameters are checked against.
 */
import { query, run } from './duckdb';
import { loadDataset, type Source } from './load-dataset';
import { reportValuesSql } from './derived';
import { domainQueries } from './queries';
import type { Domain } from '../state/filters';

export async function openDataset(source: Source): Promise<{ domain: Domain; reports: number; generated: number }> {
	const t0 = performance.now();
	await loadDataset(source);
	const t1 = performance.now();
	await run(reportValuesSql());
	performance.measure('dataset:derived', { start: t1 });
	performance.measure('dataset:total', { start: t0 });
	const q = domainQueries();
	const [regions, years, agencies, reports, origins] = await Promise.all([
		query(q.regions),
		query(q.years),
		query(q.agencies),
		query(q.reports),
		query(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE origin = 'generated')::INTEGER AS generated FROM reports`)
	]);
	const uniq = (k: string) => [...new Set(regions.map((r) => r[k]).filter((v): v is string => typeof v === 'string'))];
	return {
		domain: {
			provinces: uniq('province'),
			cities: uniq('city'),
			counties: uniq('county'),
			years: years.map((r) => Number(r.year)),
			agencies: agencies.map((r) => String(r.key)),
			reports: reports.map((r) => String(r.report_id))
		},
		reports: Number(origins[0].n),
		generated: Number(origins[0].generated)
	};
}

