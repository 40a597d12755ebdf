/** parquet-wasm, started once and served from the app's own build (DuckDB-WASM has no Parquet reader offline). */
import initParquet, { Table as WasmTable, readParquet, writeParquet, type ReaderOptions } from 'parquet-wasm/esm';
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

/** Arrow IPC stream bytes written as a Parquet file (the browser's own writer: DuckDB-WASM has no Parquet writer offline). */
export async function ipcToParquet(ipc: Uint8Array): Promise<Uint8Array> {
	await parquetEngine();
	return writeParquet(WasmTable.fromIPCStream(ipc));
}
