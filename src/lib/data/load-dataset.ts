/**
 * Load a dataset folder (manifest.json + Parquet files) into DuckDB. DuckDB-WASM 1.29+ would
 * fetch its Parquet reader from the internet, which fails offline; parquet-wasm (served from the
 * app's own build) decodes the files to Arrow IPC, which DuckDB ingests natively. Measured on the
 * default dataset (487k figure rows) in headless Chromium: hyparquet → JS objects → Arrow took
 * ~13 s for figures.parquet; parquet-wasm → IPC takes well under a second. Every failure says
 * what failed.
 */
import { parquetEngine, parquetToIPC } from './parquet-engine';
import { DATASET_TABLES, DATASET_TABLE_NAMES, REQUIRED_COLUMNS, type ColumnType, type DatasetTable, type FlatManifest } from '../schema/dataset';
import type { PartitionedManifest } from '../schema/layout';
import { init, insertArrowIPC, query, run } from './duckdb';
import { t, type Key } from '../i18n';

/** Either manifest shape of the contract: `layout: 'partitioned'` is the national layout (schema/layout.ts). */
export type Manifest = FlatManifest | PartitionedManifest;

/** A text of the dictionary with its values, shown in the page's language. */
export interface Text {
	key: Key;
	vars?: Record<string, unknown>;
}

/** What failed and what to do about it, as dictionary texts; `message` and `hint` are their Chinese (for logs). */
export class DatasetError extends Error {
	readonly hint: string;
	constructor(
		readonly text: Text,
		readonly hintText: Text
	) {
		super(t('zh', text.key, text.vars));
		this.hint = t('zh', hintText.key, hintText.vars);
	}
}

export type Source = { kind: 'url'; base: string } | { kind: 'files'; files: Map<string, ArrayBuffer> };

export async function fetchBytes(url: string, what: string): Promise<ArrayBuffer> {
	let res: Response;
	try {
		res = await fetch(url, { cache: 'no-cache' });
	} catch (e) {
		throw new DatasetError({ key: 'errDownloadNetwork', vars: { what, url } }, { key: 'hintNetwork' });
	}
	if (!res.ok) throw new DatasetError({ key: 'errDownloadHttp', vars: { what, url, status: res.status } }, { key: 'hintNotBuilt' });
	try {
		return await res.arrayBuffer();
	} catch {
		throw new DatasetError({ key: 'errDownloadCut', vars: { what, url } }, { key: 'hintRetry' });
	}
}

export async function readManifest(source: Source): Promise<Manifest> {
	const bytes = source.kind === 'url' ? await fetchBytes(`${source.base}/manifest.json`, 'manifest.json') : undefined;
	if (source.kind === 'files' && !source.files.has('manifest.json')) {
		return { schema_version: 1, files: DATASET_TABLE_NAMES.filter((t) => source.files.has(`${t}.parquet`)).map((t) => ({ name: t, path: `${t}.parquet`, rows: -1 })) };
	}
	let m: Manifest;
	try {
		m = JSON.parse(new TextDecoder().decode(bytes ?? (source as { files: Map<string, ArrayBuffer> }).files.get('manifest.json')!));
	} catch {
		throw new DatasetError({ key: 'errManifestJson' }, { key: 'hintReingest' });
	}
	if (!m || (m.layout !== 'partitioned' && !Array.isArray(m.files))) throw new DatasetError({ key: 'errManifestFiles' }, { key: 'hintReingest' });
	return m;
}

/** The columns a DuckDB table has, and those of `needed` it lacks. */
export async function columnCheck(table: string, needed: readonly string[]): Promise<{ present: Set<string>; missing: string[] }> {
	const present = new Set((await query(`SELECT column_name FROM (DESCRIBE ${table})`)).map((r) => String(r.column_name)));
	return { present, missing: needed.filter((c) => !present.has(c)) };
}

/** Parse one table's Parquet bytes (parquet-wasm → Arrow IPC → DuckDB) and check its columns. */
export async function loadTable(table: DatasetTable, bytes: ArrayBuffer): Promise<number> {
	let ipc: Uint8Array;
	try {
		ipc = await parquetToIPC(bytes);
	} catch (e) {
		throw new DatasetError({ key: 'errNotParquet', vars: { file: `${table}.parquet`, detail: `（${String((e as Error)?.message ?? e).slice(0, 120)}）` } }, { key: 'hintRebuildOrDownload' });
	}
	const raw = `${table}_raw`;
	await insertArrowIPC(ipc, raw);
	const { present, missing } = await columnCheck(raw, REQUIRED_COLUMNS[table]);
	if (missing.length) {
		await run(`DROP TABLE ${raw}`);
		throw new DatasetError({ key: 'errMissingColumns', vars: { file: `${table}.parquet`, columns: missing.join('、') } }, { key: 'hintContract' });
	}
	// Columns are cast to the contract's types; optional columns a file lacks are NULL.
	const cols = DATASET_TABLES[table] as Record<string, ColumnType>;
	const select = Object.entries(cols)
		.map(([name, type]) => (present.has(name) ? `TRY_CAST(${name} AS ${type}) AS ${name}` : `NULL::${type} AS ${name}`))
		.join(', ');
	await run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM ${raw}; DROP TABLE ${raw}`);
	const n = await query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	return Number(n[0].n);
}

export async function loadDataset(source: Source, read?: FlatManifest): Promise<{ manifest: FlatManifest; rows: Record<string, number> }> {
	// Start the engine and the Parquet decoder while the files download.
	const engine = init();
	void parquetEngine();
	const manifest: Manifest = read ?? (await readManifest(source));
	if (manifest.layout === 'partitioned') throw new DatasetError({ key: 'errPartitionedLocal' }, { key: 'hintServePartitioned' });
	const entries = DATASET_TABLE_NAMES.map((table) => {
		const entry = manifest.files.find((f) => f.name === table);
		if (!entry) throw new DatasetError({ key: 'errManifestTable', vars: { table } }, { key: 'hintReingest' });
		return entry;
	});
	const downloads = entries.map((entry) => {
		const p = source.kind === 'url' ? fetchBytes(`${source.base}/${entry.path}`, entry.path) : Promise.resolve(source.files.get(entry.path));
		p.catch(() => {}); // reported below, in table order
		return p;
	});
	await engine;
	const rows: Record<string, number> = {};
	for (const [i, table] of DATASET_TABLE_NAMES.entries()) {
		const bytes = await downloads[i];
		const entry = entries[i];
		if (!bytes) throw new DatasetError({ key: 'errMissingFile', vars: { file: entry.path } }, { key: 'hintChooseAll', vars: { files: DATASET_TABLE_NAMES.map((name) => name + '.parquet').join('、') } });
		const t0 = performance.now();
		rows[table] = await loadTable(table, bytes);
		performance.measure(`dataset:${table}`, { start: t0 });
		if (entry.rows >= 0 && entry.rows !== rows[table]) {
			throw new DatasetError({ key: 'errRowCount', vars: { file: entry.path, rows: rows[table], expected: entry.rows } }, { key: 'hintMismatch' });
		}
	}
	return { manifest, rows };
}
