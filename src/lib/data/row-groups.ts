/**
 * Read only the row groups of a Parquet file that hold some regions, by HTTP range requests: one
 * request for the footer (hyparquet parses it: the row groups' min/max `division_code` and byte
 * offsets), one for each run of adjacent chosen row groups. The bytes go into a buffer the size
 * of the file, at their offsets (the rest is never read), and parquet-wasm decodes just those row
 * groups to Arrow IPC for DuckDB. Files of the partitioned layout are sorted by division code, so
 * a region is one run of row groups: two requests a file.
 */
import { parquetMetadata, type FileMetaData, type RowGroup } from 'hyparquet';
import { rowGroupMayHold } from '../schema/layout';
import { parquetEngine, parquetToIPC } from './parquet-engine';

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

/** Byte span of a row group's column chunks. */
function span(g: RowGroup): [number, number] {
	let start = Infinity;
	let end = 0;
	for (const c of g.columns) {
		const m = c.meta_data!;
		const first = Number(m.dictionary_page_offset ?? m.data_page_offset);
		start = Math.min(start, first, Number(m.data_page_offset));
		end = Math.max(end, first + Number(m.total_compressed_size));
	}
	return [start, end];
}

/** Byte ranges to fetch for row groups `groups`: adjacent ones merged into one range. */
export function byteRanges(metadata: FileMetaData, groups: number[]): [number, number][] {
	const spans = groups.map((i) => span(metadata.row_groups[i])).sort((a, b) => a[0] - b[0]);
	const out: [number, number][] = [];
	for (const [s, e] of spans) {
		const last = out.at(-1);
		if (last && s <= last[1] + 64) last[1] = Math.max(last[1], e);
		else out.push([s, e]);
	}
	return out;
}

async function fetchRange(url: string, start: number, end: number): Promise<Uint8Array> {
	const res = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, cache: 'no-cache' });
	if (res.status === 200 && start !== 0) throw new Error(`服务器没有按范围返回 the server ignored the range (HTTP 200, not 206; bytes ${start}–${end - 1})`);
	if (!res.ok) throw new Error(`HTTP ${res.status}${res.status === 404 ? '：文件不存在 (no such file)' : ''}`);
	const bytes = new Uint8Array(await res.arrayBuffer());
	if (bytes.length !== end - start) throw new Error(`应收到 ${end - start} 字节，收到 ${bytes.length} 字节 (expected ${end - start} bytes, got ${bytes.length}: the server must answer Range requests exactly)`);
	return bytes;
}

const FOOTER_GUESS = 64 * 1024;

/** The rows of `url` (a file of `byteLength` bytes) in row groups that may hold `prefixes`, as Arrow IPC. */
export async function readRegionRowGroups(url: string, byteLength: number, prefixes: string[], footerBytes?: number): Promise<{ ipc: Uint8Array | null; rowGroups: number; of: number; fetched: number }> {
	void parquetEngine();
	// The manifest states the footer's size; without it, guess and fetch again if it was larger.
	// A file within the guess comes whole.
	let tailStart = byteLength <= FOOTER_GUESS ? 0 : Math.max(0, byteLength - (footerBytes && footerBytes <= byteLength ? Math.max(footerBytes, 8) : FOOTER_GUESS));
	let tail = await fetchRange(url, tailStart, byteLength);
	const view = new DataView(tail.buffer, tail.byteOffset, tail.length);
	const footerLength = view.getUint32(tail.length - 8, true) + 8;
	if (footerLength > tail.length) {
		tailStart = byteLength - footerLength;
		tail = await fetchRange(url, tailStart, byteLength);
	}
	const metadata = parquetMetadata(tail.buffer.slice(tail.byteOffset, tail.byteOffset + tail.length) as ArrayBuffer);
	const groups = rowGroupsFor(metadata, prefixes);
	if (!groups.length) return { ipc: null, rowGroups: 0, of: metadata.row_groups.length, fetched: tail.length };
	// A small file came whole with its footer; otherwise fetch the chosen row groups.
	const ranges = tailStart === 0 ? [] : byteRanges(metadata, groups);
	const chunks = await Promise.all(ranges.map(([s, e]) => fetchRange(url, s, e)));
	// The file as parquet-wasm expects it: only the chosen row groups and the footer are filled in.
	let sparse = tail;
	if (tailStart > 0) {
		sparse = new Uint8Array(byteLength);
		ranges.forEach(([s], i) => sparse.set(chunks[i], s));
		sparse.set(tail, tailStart);
		sparse.set([0x50, 0x41, 0x52, 0x31], 0); // PAR1
	}
	const ipc = await parquetToIPC(sparse, { rowGroups: groups });
	return { ipc, rowGroups: groups.length, of: metadata.row_groups.length, fetched: tail.length + chunks.reduce((s, c) => s + c.length, 0) };
}
