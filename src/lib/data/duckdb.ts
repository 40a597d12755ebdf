/**
 * The one owner of the DuckDB-WASM connection. `init()` is safe to call many times; `query()`
 * runs SQL with bound parameters and returns plain row objects. Only the exception-handling
 * bundle is used (every current browser supports it), served from the app's own build.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { DataType, tableToIPC, type Table } from 'apache-arrow';

let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;
let starting: Promise<duckdb.AsyncDuckDBConnection> | undefined;

export type Row = Record<string, unknown>;

export function init(): Promise<duckdb.AsyncDuckDBConnection> {
	starting ??= (async () => {
		performance.mark('engine:start');
		const worker = new Worker(ehWorker);
		const logger = new duckdb.VoidLogger();
		db = new duckdb.AsyncDuckDB(logger, worker);
		await db.instantiate(ehWasm);
		performance.mark('engine:instantiated');
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		conn = await db.connect();
		performance.mark('engine:connected');
		return conn;
	})();
	starting.catch(() => {
		starting = undefined;
	});
	return starting;
}

function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return v;
}

export function rowsOf(table: Table): Row[] {
	const fields = table.schema.fields.map((f) => ({ name: f.name, date: DataType.isDate(f.type) || DataType.isTimestamp(f.type) }));
	const out: Row[] = [];
	for (const r of table.toArray()) {
		const row: Row = {};
		// Dates arrive as epoch milliseconds: show them as YYYY-MM-DD.
		for (const f of fields) row[f.name] = f.date && r[f.name] !== null ? new Date(Number(r[f.name])).toISOString().slice(0, 10) : plain(r[f.name]);
		out.push(row);
	}
	return out;
}

/** Run SQL; `params` bind to `?` placeholders in order. */
export async function query(sql: string, params: unknown[] = []): Promise<Row[]> {
	const c = await init();
	if (params.length === 0) return rowsOf(await c.query(sql));
	const stmt = await c.prepare(sql);
	try {
		return rowsOf(await stmt.query(...params));
	} finally {
		await stmt.close();
	}
}

/** Insert Arrow IPC stream bytes as a new table `name` (replacing one of that name). */
export async function insertArrowIPC(ipc: Uint8Array, name: string): Promise<void> {
	const c = await init();
	await c.query(`DROP TABLE IF EXISTS "${name.replace(/"/g, '""')}"`);
	await c.insertArrowFromIPCStream(ipc, { name, create: true });
}

/** A query's result as Arrow IPC stream bytes (for writing Parquet). */
export async function queryIPC(sql: string): Promise<Uint8Array> {
	const c = await init();
	return tableToIPC(await c.query(sql), 'stream');
}

/** Bytes as a file in DuckDB's virtual file system, moved (not copied) to its worker. */
export async function registerBytes(name: string, bytes: Uint8Array): Promise<void> {
	await init();
	await db!.registerFileBuffer(name, bytes);
}

export async function dropFile(name: string): Promise<void> {
	await db?.dropFile(name);
}

export async function run(sql: string): Promise<void> {
	const c = await init();
	await c.query(sql);
}
