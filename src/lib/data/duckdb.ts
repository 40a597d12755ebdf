/**
 * The one owner of the DuckDB-WASM connection. `init()` is safe to call many times; `query()`
 * runs SQL with bound parameters and returns plain row objects. Only the exception-handling
 * bundle is used (every current browser supports it), served from the app's own build.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';

let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;
let starting: Promise<duckdb.AsyncDuckDBConnection> | undefined;

export type Row = Record<string, unknown>;

export function init(): Promise<duckdb.AsyncDuckDBConnection> {
	starting ??= (async () => {
		const worker = new Worker(ehWorker);
		const logger = new duckdb.VoidLogger();
		db = new duckdb.AsyncDuckDB(logger, worker);
		await db.instantiate(ehWasm);
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		conn = await db.connect();
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
	const fields = table.schema.fields.map((f) => f.name);
	const out: Row[] = [];
	for (const r of table.toArray()) {
		const row: Row = {};
		for (const f of fields) row[f] = plain(r[f]);
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

export async function insertArrow(table: Table, name: string): Promise<void> {
	const c = await init();
	await c.query(`DROP TABLE IF EXISTS "${name.replace(/"/g, '""')}"`);
	await c.insertArrowTable(table, { name, create: true });
}

export async function run(sql: string): Promise<void> {
	const c = await init();
	await c.query(sql);
}
