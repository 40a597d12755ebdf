/**
 * Start-up of the app's data. A flat dataset (one file a table) is loaded whole into DuckDB and
 * the derived table built; a partitioned one (national layout) starts with its rollups and loads
 * a region's rows when a view needs them (partitioned-data.ts). Either way: the domain of values
 * the URL parameters are checked against, and the regions for the filters.
 */
import { init, insertArrowIPC, query, run } from './duckdb';
import { DatasetError, loadDataset, readManifest, type Source } from './load-dataset';
import { parquetEngine } from './parquet-engine';
import { reportValuesSql } from '$lib/sql/derived';
import { domainQueries } from '$lib/sql/queries';
import { PartitionedData } from './partitioned-data';
import type { Domain } from '../state/filters';
import type { RegionRow } from './scope';

export interface OpenedDataset {
	layout: 'flat' | 'partitioned';
	domain: Domain;
	regions: RegionRow[];
	reports: number;
	generated: number;
	/** A partitioned dataset's loader: it loads a region's rows when the views need them. */
	partitioned?: PartitionedData;
}

export async function openDataset(source: Source): Promise<OpenedDataset> {
	const t0 = performance.now();
	const engine = init();
	void parquetEngine();
	const manifest = await readManifest(source);
	if (manifest.layout === 'partitioned') {
		if (source.kind !== 'url') throw new DatasetError({ key: 'errPartitionedLocal' }, { key: 'hintServePartitioned' });
		const partitioned = new PartitionedData(source.base, manifest, { run, query, insertArrowIPC });
		const opened = await partitioned.open(engine);
		performance.measure('dataset:total', { start: t0 });
		return { layout: 'partitioned', ...opened, partitioned };
	}
	await loadDataset(source, manifest);
	const t1 = performance.now();
	const opened = await describeFlat();
	performance.measure('dataset:derived', { start: t1 });
	performance.measure('dataset:total', { start: t0 });
	return opened;
}

/** The derived table, the domain and the regions of a flat dataset now in DuckDB (after loading or importing). */
export async function describeFlat(): Promise<OpenedDataset> {
	await run(reportValuesSql());
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
		layout: 'flat',
		domain: {
			provinces: uniq('province'),
			cities: uniq('city'),
			counties: uniq('county'),
			years: years.map((r) => Number(r.year)),
			agencies: agencies.map((r) => String(r.key)),
			reports: reports.map((r) => String(r.report_id))
		},
		regions: regions.map((r) => ({ province_code: null, province: r.province as string | null, city: r.city as string | null, county: r.county as string | null, division_code: null })),
		reports: Number(origins[0].n),
		generated: Number(origins[0].generated)
	};
}
