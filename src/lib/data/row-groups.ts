/**
 * Read only the row groups of a Parquet file that hold some regions, by HTTP range requests:
 * hyparquet reads the footer (the row groups' min/max `division_code`), parquet-wasm fetches and
 * decodes the chosen row groups' column chunks into Arrow IPC for DuckDB. Files of the
 * partitioned layout are sorted by division code, so a region is a few adjacent row groups.
 */
import { asyncBufferFromUrl, parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { ParquetFile } from 'parquet-wasm/esm';
import { rowGroupMayHold } from '../schema/layout';
import { parquetEngine } from './parquet-engine';

/** Indexes of the row groups whose division codes may start with one of `prefixes`. */
export function rowGroupsFor(metadata: FileMetaData, prefixes: string[], column = 'division_code'): number[] {
	const leaf = metadata.schema.slice(1).findIndex((s) => s.name === column);
	return metadata.row_groups.flatMap((g, i) => {
		const stats = leaf >= 0 ? g.columns[leaf]?.meta_data?.statistics : undefined;
		const min = stats?.min_value ?? stats?.min;
		const max = stats?.max_value ?? stats?.max;
		const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
		return prefixes.some((p) => rowGroupMayHold(str(min), str(max), p)) ? [i] : [];
	});
}

/** The rows of `url` (a file of `byteLength` bytes) in row groups that may hold `prefixes`, as Arrow IPC. */
export async function readRegionRowGroups(url: string, byteLength: number, prefixes: string[]): Promise<{ ipc: Uint8Array | null; rowGroups: number; of: number }> {
	const absolute = new URL(url, location.href).href;
	const [metadata] = await Promise.all([parquetMetadataAsync(await asyncBufferFromUrl({ url: absolute, byteLength }), { initialFetchSize: 64 * 1024 }), parquetEngine()]);
	const groups = rowGroupsFor(metadata, prefixes);
	if (!groups.length) return { ipc: null, rowGroups: 0, of: metadata.row_groups.length };
	const file = await ParquetFile.fromUrl(absolute);
	try {
		const table = await file.read({ rowGroups: groups, concurrency: 4 });
		return { ipc: table.intoIPCStream(), rowGroups: groups.length, of: metadata.row_groups.length };
	} finally {
		file.free();
	}
}
