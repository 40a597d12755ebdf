/**
 * A partitioned (national) dataset in DuckDB: at start the regions and the province rollup (a few
 * hundred kB for all of China); on a drill-down the rows of one scope (scope.ts), fetched by range
 * requests and kept, so going back is instant. Views always query `report_values`, `figures` and
 * `checks`: here they are views onto the current scope's tables. One object holds the state; the
 * engine it loads into is handed in (DuckDB-WASM in the browser, DuckDB's Node API in its test).
 */
import { ddl } from '../schema/dataset';
import { PARTITIONED_TABLES, type PartitionedManifest, type PartitionedTable } from '../schema/layout';
import { ROLLUP_KEYS, SUMMABLE_COLUMNS } from '$lib/sql/derived';
import { DatasetError, fetchBytes } from './load-dataset';
import { parquetToIPC } from './parquet-engine';
import { readRegionRowGroups } from './row-groups';
import type { RegionRow, Scope } from './scope';
import type { Domain } from '../state/filters';
import type { Row } from './duckdb';
import { groupKey } from '$lib/sql/queries';

/** What the loader needs of the engine (duckdb.ts has exactly these). */
export interface PartitionEngine {
	run(sql: string): Promise<unknown>;
	query(sql: string): Promise<Row[]>;
	insertArrowIPC(ipc: Uint8Array, table: string): Promise<void>;
}

const REQUIRED_ROLLUP = [...ROLLUP_KEYS, ...SUMMABLE_COLUMNS];

export interface PartitionedOpen {
	domain: Domain;
	regions: RegionRow[];
	reports: number;
	generated: number;
}

type Views = Record<'report_values' | 'figures' | 'checks', string>;

/**
 * A scope's tables: report_values first (every chart and the agency list need only it); figures
 * and checks (a report's tables, failed checks, the long export) when a query reads them
 * (whenDetail), fetched ahead shortly after the views have their first answers.
 */
interface Loaded {
	main: Promise<string>;
	detail: () => Promise<Pick<Views, 'figures' | 'checks'>>;
}

/** `f` run once; again after a failure (a retry). */
function once<T>(f: () => Promise<T>): () => Promise<T> {
	let p: Promise<T> | undefined;
	return () => {
		p ??= f();
		p.catch(() => (p = undefined));
		return p;
	};
}

const DETAIL_AHEAD_MS = 300;
const NO_DETAIL = () => Promise.resolve({ figures: 'empty_figures', checks: 'empty_checks' });

const prefixSql = (prefixes: string[]) => {
	if (!prefixes.every((p) => /^\d{2,6}$/.test(p))) throw new Error('bad division prefix');
	return `(${prefixes.map((p) => `starts_with(division_code, '${p}')`).join(' OR ')})`;
};

export class PartitionedData {
	/** Each scope's tables, by scope key, loaded once. */
	private readonly loaded = new Map<string, Loaded>();
	private counter = 0;
	/** The scope the views point at, and whether its figures and checks are pointed at too. */
	private current: { key: string; tables: Loaded; detail?: Promise<void> } | undefined;
	/** Scope switches run one after another, so the views end up on the scope asked for last. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly base: string,
		private readonly manifest: PartitionedManifest,
		private readonly db: PartitionEngine
	) {}

	/** The regions and the province rollup (downloaded and decoded while `engine` starts), and the domain for the filters. */
	async open(engine: Promise<unknown> = Promise.resolve()): Promise<PartitionedOpen> {
		const m = this.manifest;
		if (!m.rollups?.province || !m.rollups?.regions || !Array.isArray(m.rollups?.county) || !m.partitions) throw new DatasetError({ key: 'errManifestPartitions' }, { key: 'hintIncomplete' });
		await Promise.all([this.loadWhole(m.rollups.regions.path, 'regions', engine), this.loadWhole(m.rollups.province.path, 'rollup_province', engine)]);
		await this.requireColumns('rollup_province', m.rollups.province.path, REQUIRED_ROLLUP);
		await this.requireColumns('regions', m.rollups.regions.path, ['province_code', 'province', 'city', 'county', 'division_code']);
		for (const t of PARTITIONED_TABLES) await this.db.run(`CREATE OR REPLACE TABLE empty_${t} (${ddl(t)})`);
		await this.point({ report_values: 'rollup_province', figures: 'empty_figures', checks: 'empty_checks' });
		const regions = (await this.db.query(`SELECT province_code, province, city, county, division_code FROM regions ORDER BY division_code, city NULLS FIRST, county NULLS FIRST`)) as unknown as RegionRow[];
		const years = await this.db.query(`SELECT DISTINCT year FROM rollup_province ORDER BY year`);
		const uniq = (k: keyof RegionRow) => [...new Set(regions.map((r) => r[k]).filter((v): v is string => typeof v === 'string'))];
		return {
			domain: { provinces: uniq('province'), cities: uniq('city'), counties: uniq('county'), years: years.map((r) => Number(r.year)), agencies: [], reports: [] },
			regions,
			reports: m.totals?.reports ?? 0,
			generated: m.origins?.generated ?? 0
		};
	}

	/** Make `scope` the current one (loading it the first time); the agencies and reports it holds. */
	openScope(scope: Scope): Promise<{ agencies: string[]; reports: string[] }> {
		const next = this.queue.then(() => this.switchTo(scope));
		this.queue = next.catch(() => {});
		return next;
	}

	/** Load (once) the current scope's figures and checks and point the views at them; reads of `figures` or `checks` wait for this. */
	whenDetail(): Promise<void> {
		const current = this.current;
		if (!current) return Promise.resolve();
		current.detail ??= current.tables.detail().then(async (d) => {
			if (this.current === current) await this.point(d);
		});
		current.detail.catch(() => {
			if (this.current === current) current.detail = undefined;
		});
		return current.detail;
	}

	private async switchTo(scope: Scope): Promise<{ agencies: string[]; reports: string[] }> {
		let tables = this.loaded.get(scope.key);
		if (!tables) {
			tables = this.loadScope(scope);
			this.loaded.set(scope.key, tables);
			tables.main.catch(() => this.loaded.delete(scope.key));
		}
		const current = { key: scope.key, tables };
		this.current = current;
		await this.point({ report_values: await tables.main, figures: 'empty_figures', checks: 'empty_checks' });
		// Fetch figures and checks ahead; the views point at them only when a query reads them (whenDetail).
		setTimeout(() => this.current === current && tables.detail().catch(() => {}), DETAIL_AHEAD_MS);
		if (scope.level !== 'local') return { agencies: [], reports: [] };
		const [agencies, reports] = await Promise.all([this.db.query(`SELECT DISTINCT ${groupKey('agency')} AS key FROM report_values`), this.db.query(`SELECT report_id FROM report_values`)]);
		return { agencies: agencies.map((r) => String(r.key)), reports: reports.map((r) => String(r.report_id)) };
	}

	private async point(tables: Partial<Views>) {
		await this.db.run(
			Object.entries(tables)
				.map(([view, table]) => `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${table}`)
				.join('; ')
		);
	}

	private async requireColumns(table: string, file: string, needed: readonly string[]) {
		const present = new Set((await this.db.query(`SELECT column_name FROM (DESCRIBE ${table})`)).map((r) => String(r.column_name)));
		const missing = needed.filter((c) => !present.has(c));
		if (missing.length) throw new DatasetError({ key: 'errMissingColumns', vars: { file, columns: `${missing.slice(0, 8).join('、')}${missing.length > 8 ? ' …' : ''}` } }, { key: 'hintPartitionedContract' });
	}

	/** A whole small file, downloaded and decoded while the engine starts, then inserted. */
	private async loadWhole(path: string, table: string, engine: Promise<unknown> = Promise.resolve()) {
		const bytes = await fetchBytes(`${this.base}/${path}`, path);
		let ipc: Uint8Array;
		try {
			ipc = await parquetToIPC(bytes);
		} catch {
			throw new DatasetError({ key: 'errNotParquet', vars: { file: path, detail: '' } }, { key: 'hintRebuildOrDownload' });
		}
		await engine;
		await this.db.insertArrowIPC(ipc, table);
	}

	private entry(table: PartitionedTable, provinceCode: string) {
		const e = this.manifest.partitions[table]?.find((p) => p.province_code === provinceCode);
		if (!e) throw new DatasetError({ key: 'errManifestPartition', vars: { table, province: provinceCode } }, { key: 'hintIncomplete' });
		return e;
	}

	/**
	 * Rows of `file` whose division codes start with `prefixes`: the row groups that may hold them are
	 * read, and the region's rows kept as a table (`copy`: small tables every chart query scans) or as
	 * a view over the row groups (figures and checks: large, read one report at a time). Returns its name.
	 */
	private async loadRegion(file: { path: string; bytes: number; footer?: number }, prefixes: string[], name: string, like: string, opts: { dropDivision: boolean; copy: boolean }): Promise<string> {
		let read;
		try {
			read = await readRegionRowGroups(`${this.base}/${file.path}`, file.bytes, prefixes, file.footer);
		} catch (e) {
			throw new DatasetError({ key: 'errRegionRead', vars: { file: file.path, detail: String((e as Error)?.message ?? e).slice(0, 160) } }, { key: 'hintRanges' });
		}
		performance.mark(`scope:${file.path}:${read.rowGroups}/${read.of}:${read.fetched}`);
		if (!read.ipc) {
			await this.db.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM ${like} LIMIT 0`);
			return name;
		}
		await this.db.insertArrowIPC(read.ipc, `${name}_rows`);
		const select = `SELECT * ${opts.dropDivision ? 'EXCLUDE (division_code)' : ''} FROM ${name}_rows WHERE ${prefixSql(prefixes)}`;
		if (opts.copy) await this.db.run(`CREATE OR REPLACE TABLE ${name} AS ${select}; DROP TABLE ${name}_rows`);
		else await this.db.run(`CREATE OR REPLACE VIEW ${name} AS ${select}`);
		return name;
	}

	/** One view over each part (a county name may recur in several provinces). */
	private async union(name: string, parts: string[]): Promise<string> {
		if (parts.length === 1) return parts[0];
		await this.db.run(`CREATE OR REPLACE VIEW ${name} AS ${parts.map((p) => `SELECT * FROM ${p}`).join(' UNION ALL BY NAME ')}`);
		return name;
	}

	private loadScope(scope: Scope): Loaded {
		if (scope.level === 'national') return { main: Promise.resolve('rollup_province'), detail: NO_DETAIL };
		const id = `s${++this.counter}`;
		if (scope.level === 'none') return { main: this.db.run(`CREATE OR REPLACE VIEW ${id}_rv AS SELECT * FROM rollup_province LIMIT 0`).then(() => `${id}_rv`), detail: NO_DETAIL };
		if (scope.level === 'province') {
			// The province's own file of the county rollup, whole: every row of it is needed.
			const main = (async () => {
				const file = this.manifest.rollups.county.find((p) => p.province_code === scope.province_code);
				if (!file) throw new DatasetError({ key: 'errManifestCountyRollup', vars: { province: scope.province_code } }, { key: 'hintIncomplete' });
				await this.loadWhole(file.path, `${id}_rv`);
				await this.requireColumns(`${id}_rv`, file.path, REQUIRED_ROLLUP);
				return `${id}_rv`;
			})();
			return { main, detail: NO_DETAIL };
		}
		// Local: each province's partition, report_values first, figures and checks after it.
		const table = (t: PartitionedTable, view: string, like: string, opts: { dropDivision: boolean; copy: boolean }) =>
			Promise.all(scope.parts.map((part, i) => this.loadRegion(this.entry(t, part.province_code), part.prefixes, `${id}_${view}_${i}`, like, opts))).then((parts) =>
				this.union(`${id}_${view}`, parts)
			);
		const main = table('reports', 'rv', 'rollup_province', { dropDivision: false, copy: true });
		const detail = once(() =>
			main.then(async () => {
				const detailOpts = { dropDivision: true, copy: false };
				const [figures, checks] = await Promise.all([table('figures', 'figures', 'empty_figures', detailOpts), table('checks', 'checks', 'empty_checks', detailOpts)]);
				return { figures, checks };
			})
		);
		return { main, detail };
	}
}
