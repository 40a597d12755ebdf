/** parquet-wasm, started once and served from the app's own build (DuckDB-WASM has no Parquet reader offline). */
import initParquet, { readParquet, type ReaderOptions } from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

export function parquetEngine(): Promise<unknown> {
	ready ??= initParquet({ module_or_path: parquetWasm });
	return ready;
}

/** A Parquet file's bytes (or some of its row groups, `options.rowGroups`) as Arrow IPC; throws on a file that is not Parquet. */
export async function parquetToIPC(bytes: ArrayBuffer | Uint8Array, options?: ReaderOptions): Promise<Uint8Array> {
	await parquetEngine();
	return readParquet(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options).intoIPCStream();
}
