/**
 * The partitioned dataset layout (national scale): what the ingest writes and the browser reads
 * by HTTP range requests, so that a view fetches only what it needs.
 *
 *   manifest.json                      this file's shape (PartitionedManifest), read first
 *   summary.json                       national yearly totals: the first chart before the engine starts
 *   rollups/regions.parquet            every province / city / county with its division code
 *   rollups/province.parquet           report_values summed per province × kind × year × format × origin
 *   rollups/county/province_code=41/data_0.parquet   the same per agency division (county, or a
 *                                      city's / province's own agencies), one file a province
 *   reports/province_code=41/data_0.parquet   report_values, one row per report, sorted by division
 *   figures/province_code=41/data_0.parquet   the contract's figures (+ division_code), same order
 *   checks/province_code=41/data_0.parquet    the contract's checks (+ division_code), same order
 *
 * Folder names follow Hive partitioning, as DuckDB's `COPY … (PARTITION_BY province_code)` and
 * Spark's `partitionBy("province_code")` write them. Every file is sorted by division code, and its
 * row groups' min/max statistics of `division_code` let a reader fetch one region's row groups.
 */
export const LAYOUT_VERSION = 2;

export const PARTITIONED_TABLES = ['reports', 'figures', 'checks'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

export const ROLLUP_FILES = { regions: 'rollups/regions.parquet', province: 'rollups/province.parquet' } as const;
export type RollupFile = keyof typeof ROLLUP_FILES;

/** A province's rows of the county rollup: one file each, so a drill-down reads one small file. */
export function countyRollupPath(provinceCode: string): string {
	return `rollups/county/province_code=${provinceCode}/data_0.parquet`;
}

/** Partition of reports without a known region. */
export const UNKNOWN_PROVINCE = 'none';

export interface FileEntry {
	path: string;
	rows: number;
	bytes: number;
	/** Bytes of the Parquet footer (metadata + 8), so a reader fetches it in one request. */
	footer?: number;
}

export interface PartitionEntry extends FileEntry {
	province_code: string;
	province: string | null;
}

export interface PartitionedManifest {
	schema_version: number;
	layout: 'partitioned';
	built_at?: string;
	summary: string;
	rollups: Record<RollupFile, FileEntry> & { county: PartitionEntry[] };
	partitions: Record<PartitionedTable, PartitionEntry[]>;
	totals: Record<PartitionedTable, number>;
	origins: Record<string, number>;
}

export function partitionPath(table: PartitionedTable, provinceCode: string): string {
	return `${table}/province_code=${provinceCode}/data_0.parquet`;
}

/** Province code (first two digits of GB/T 2260) of a division code. */
export function provinceCodeOf(divisionCode: string | null | undefined): string {
	return divisionCode && /^\d{2}/.test(divisionCode) ? divisionCode.slice(0, 2) : UNKNOWN_PROVINCE;
}

/**
 * The prefix of division codes that a region covers: `41` a province, `4101` a city, `410102` a
 * county. Codes are six digits padded with zeros (410000, 410100, 410102).
 */
export function divisionPrefix(divisionCode: string, level: 'province' | 'city' | 'county'): string {
	return divisionCode.slice(0, level === 'province' ? 2 : level === 'city' ? 4 : 6);
}

/** Whether a row group whose division codes run from `min` to `max` may hold codes with `prefix`. */
export function rowGroupMayHold(min: string | null | undefined, max: string | null | undefined, prefix: string): boolean {
	if (min == null || max == null) return true;
	return min.slice(0, prefix.length) <= prefix && max.slice(0, prefix.length) >= prefix;
}
