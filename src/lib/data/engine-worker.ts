/**
 * DuckDB's worker, started before the engine's own code has loaded: the worker's script (~0.8 MB)
 * then downloads and compiles beside the page's first chart and the engine chunk.
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

let worker: Worker | undefined;

export function engineWorker(): Worker {
	worker ??= new Worker(ehWorker);
	return worker;
}

/** After a failed start: the next start gets a new worker. */
export function dropEngineWorker() {
	worker?.terminate();
	worker = undefined;
}
