/**
 * Load a dataset folder (manifest.json + Parquet files) into DuckDB. DuckDB-WASM 1.29+ would
 * fetch its Parquet reader from the internet, which fails offline; hyparquet reads the files in
 * the browser and the columns go to DuckDB as Arrow. Every failure says what failed.
 */
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { Bool, Float64, Int32, Utf8, tableFromArrays, vectorFromArray, type DataType } from 'apache-arrow';
import { DATASET_TABLES, DATASET_TABLE_NAMES, REQUIRED_COLUMNS, type ColumnType, type DatasetTable } from '../schema/dataset';
import { insertArrow, run } from './duckdb';

export interface Manifest {
	schema_version: number;
	built_at?: string;
	files: { name: string; path: string; rows: number }[];
	origins?: Record<string, number>;
}

export class DatasetError extends Error {
	constructor(message: string, readonly hint: string) {
		super(message);
	}
}

export type Source = { kind: 'url'; base: string } | { kind: 'files'; files: Map<string, ArrayBuffer> };

async function fetchBytes(url: string, what: string): Promise<ArrayBuffer> {
	let res: Response;
	try {
		res = await fetch(url, { cache: 'no-cache' });
	} catch (e) {
		throw new DatasetError(`无法下载${what}（${url}）：网络错误`, '请检查网络连接或数据地址后重试。');
	}
	if (!res.ok) throw new DatasetError(`无法下载${what}（${url}）：HTTP ${res.status}`, '数据集可能尚未生成：运行 npm run dataset，或检查 ?data= 地址。');
	try {
		return await res.arrayBuffer();
	} catch {
		throw new DatasetError(`下载${what}时连接中断（${url}）`, '请重试。');
	}
}

export async function readManifest(source: Source): Promise<Manifest> {
	const bytes = source.kind === 'url' ? await fetchBytes(`${source.base}/manifest.json`, '数据清单 manifest.json') : undefined;
	if (source.kind === 'files' && !source.files.has('manifest.json')) {
		return { schema_version: 1, files: DATASET_TABLE_NAMES.filter((t) => source.files.has(`${t}.parquet`)).map((t) => ({ name: t, path: `${t}.parquet`, rows: -1 })) };
	}
	let m: Manifest;
	try {
		m = JSON.parse(new TextDecoder().decode(bytes ?? (source as { files: Map<string, ArrayBuffer> }).files.get('manifest.json')!));
	} catch {
		throw new DatasetError('数据清单 manifest.json 不是有效的 JSON', '请用 npm run ingest 重新生成数据集。');
	}
	if (!m || !Array.isArray(m.files)) throw new DatasetError('数据清单 manifest.json 缺少 files 列表', '请用 npm run ingest 重新生成数据集。');
	return m;
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
	VARCHAR: () => new Utf8(),
	DATE: () => new Utf8(),
	INTEGER: () => new Int32(),
	DOUBLE: () => new Float64(),
	BOOLEAN: () => new Bool()
};

function normalise(v: unknown, type: ColumnType): unknown {
	if (v === null || v === undefined) return null;
	if (type === 'DATE') return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
	if (type === 'VARCHAR') return String(v);
	if (type === 'BOOLEAN') return Boolean(v);
	const n = typeof v === 'bigint' ? Number(v) : Number(v);
	return Number.isFinite(n) ? n : null;
}

/** Parse one table's Parquet bytes and insert it; returns the row count. */
export async function loadTable(table: DatasetTable, bytes: ArrayBuffer): Promise<number> {
	let meta;
	try {
		meta = parquetMetadata(bytes);
	} catch (e) {
		throw new DatasetError(`${table}.parquet 不是有效的 Parquet 文件（${(e as Error).message}）`, '文件可能不完整或不是本工具生成的数据集：请重新生成或重新下载。');
	}
	const present = new Set(meta.schema.slice(1).map((s) => s.name));
	const missing = REQUIRED_COLUMNS[table].filter((c) => !present.has(c));
	if (missing.length) throw new DatasetError(`${table}.parquet 缺少必需的列：${missing.join('、')}`, '此文件不符合数据集格式（见 README 数据约定）。');
	let rows: Record<string, unknown>[];
	try {
		rows = (await parquetReadObjects({ file: bytes })) as Record<string, unknown>[];
	} catch (e) {
		throw new DatasetError(`读取 ${table}.parquet 失败（${(e as Error).message}）`, '文件可能被截断：请重新生成或重新下载。');
	}
	const cols = DATASET_TABLES[table] as Record<string, ColumnType>;
	const arrays: Record<string, ReturnType<typeof vectorFromArray>> = {};
	for (const [name, type] of Object.entries(cols)) {
		arrays[name] = vectorFromArray(rows.map((r) => normalise(r[name], type)), ARROW_TYPES[type]());
	}
	await insertArrow(tableFromArrays(arrays as never), `${table}_raw`);
	const select = Object.entries(cols).map(([name, type]) => (type === 'DATE' ? `TRY_CAST(${name} AS DATE) AS ${name}` : name)).join(', ');
	await run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select} FROM ${table}_raw; DROP TABLE ${table}_raw`);
	return rows.length;
}

export async function loadDataset(source: Source): Promise<{ manifest: Manifest; rows: Record<string, number> }> {
	const manifest = await readManifest(source);
	const rows: Record<string, number> = {};
	for (const table of DATASET_TABLE_NAMES) {
		const entry = manifest.files.find((f) => f.name === table);
		if (!entry) throw new DatasetError(`数据清单中没有 ${table} 表`, '数据集不完整：请用 npm run ingest 重新生成。');
		const bytes = source.kind === 'url' ? await fetchBytes(`${source.base}/${entry.path}`, ` ${entry.path} `) : source.files.get(entry.path);
		if (!bytes) throw new DatasetError(`缺少文件 ${entry.path}`, `请同时选择 ${DATASET_TABLE_NAMES.map((t) => t + '.parquet').join('、')}。`);
		rows[table] = await loadTable(table, bytes);
		if (entry.rows >= 0 && entry.rows !== rows[table]) {
			throw new DatasetError(`${entry.path} 有 ${rows[table]} 行，但清单说有 ${entry.rows} 行`, '数据集文件与清单不一致：请重新生成或重新下载。');
		}
	}
	return { manifest, rows };
}
