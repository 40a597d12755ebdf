/**
 * Write the partitioned layout (src/lib/schema/layout.ts) with DuckDB's Node API, one province at
 * a time, so memory stays bounded by the largest province. The caller fills the tables
 * `reports`, `figures` and `checks` of `writer.conn` with one province's rows and calls
 * `addProvince`; `finish` writes the rollups, regions, summary and manifest and moves everything
 * into place (data first, manifest last).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ddl } from '../src/lib/schema/dataset';
import {
	LAYOUT_VERSION,
	PARTITIONED_TABLES,
	ROLLUP_FILES,
	UNKNOWN_PROVINCE,
	countyRollupPath,
	partitionPath,
	type FileEntry,
	type PartitionEntry,
	type PartitionedManifest,
	type PartitionedTable,
	type RollupFile
} from '../src/lib/schema/layout';
import { reportValuesSql, rollupSelectSql } from '../src/lib/sql/derived';
import { writeSummary } from './summary';
import { PROVINCE_CUBE_KEYS } from '../src/lib/sql/cube';

const sqlPath = (p: string) => `'${p.replace(/'/g, "''")}'`;

/**
 * Row groups small enough that one county is one or two of them, few enough that the footer (which
 * a reader fetches first) stays small: 16,384-row groups gave 广东省's figures a 310 KB footer.
 */
const ROW_GROUP: Record<PartitionedTable | 'rollup', number> = { reports: 2048, figures: 65536, checks: 32768, rollup: 2048 };
const ROLLUP_ORDER = 'division_code NULLS LAST, agency_kind, year, format, origin, source_form, city NULLS FIRST, county NULLS FIRST';
const PARQUET = (rows: number) => `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rows}`;

/** Within a partition: by division, then deterministic (the same inputs give the same bytes). */
const ORDER: Record<PartitionedTable, string> = {
	reports: 'division_code NULLS LAST, agency, year, report_id',
	figures: 'division_code NULLS LAST, report_id, table_code, row_code, col_code',
	checks: 'division_code NULLS LAST, report_id, check_code'
};

/** Size and footer size (metadata length + 8) of a Parquet file. */
function fileSizes(file: string): { bytes: number; footer: number } {
	const bytes = statSync(file).size;
	const fd = openSync(file, 'r');
	try {
		const tail = Buffer.alloc(8);
		readSync(fd, tail, 0, 8, bytes - 8);
		return { bytes, footer: tail.readUInt32LE(0) + 8 };
	} finally {
		closeSync(fd);
	}
}

export class PartitionedWriter {
	readonly tmp: string;
	private partitions: Record<PartitionedTable, PartitionEntry[]> = { reports: [], figures: [], checks: [] };
	private countyRollup: PartitionEntry[] = [];
	private origins: Record<string, number> = {};
	private rollupsStarted = false;

	private constructor(
		readonly outDir: string,
		private instance: DuckDBInstance,
		readonly conn: DuckDBConnection
	) {
		this.tmp = path.join(outDir, `.dataset-tmp-${process.pid}-${Date.now()}`);
		mkdirSync(this.tmp, { recursive: true });
	}

	static async open(outDir: string): Promise<PartitionedWriter> {
		mkdirSync(outDir, { recursive: true });
		const instance = await DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false' });
		const conn = await instance.connect();
		for (const t of PARTITIONED_TABLES) await conn.run(`CREATE TABLE ${t} (${ddl(t)})`);
		return new PartitionedWriter(outDir, instance, conn);
	}

	/** Write the province's partitions from the tables reports, figures and checks, and add it to the rollups. */
	async addProvince(provinceCode: string): Promise<void> {
		const c = this.conn;
		await c.run(reportValuesSql());
		const file = (t: PartitionedTable) => path.join(this.tmp, partitionPath(t, provinceCode));
		for (const t of PARTITIONED_TABLES) mkdirSync(path.dirname(file(t)), { recursive: true });
		await c.run(`COPY (SELECT * FROM report_values ORDER BY ${ORDER.reports}) TO ${sqlPath(file('reports'))} (${PARQUET(ROW_GROUP.reports)})`);
		for (const t of ['figures', 'checks'] as const) {
			await c.run(
				`COPY (SELECT r.division_code, x.* FROM ${t} x JOIN (SELECT report_id, division_code FROM reports) r USING (report_id) ORDER BY ${ORDER[t]}) TO ${sqlPath(file(t))} (${PARQUET(ROW_GROUP[t])})`
			);
		}
		const counts = (
			await c.runAndReadAll(
				`SELECT (SELECT count(*) FROM reports)::INTEGER, (SELECT count(*) FROM figures)::INTEGER, (SELECT count(*) FROM checks)::INTEGER, (SELECT any_value(province) FROM reports)`
			)
		).getRows()[0];
		PARTITIONED_TABLES.forEach((t, i) =>
			this.partitions[t].push({
				province_code: provinceCode,
				province: (counts[3] as string | null) ?? null,
				path: partitionPath(t, provinceCode),
				rows: Number(counts[i]),
				...fileSizes(file(t))
			})
		);
		for (const [origin, n] of (await c.runAndReadAll(`SELECT origin, count(*)::INTEGER FROM reports GROUP BY origin`)).getRows())
			this.origins[String(origin)] = (this.origins[String(origin)] ?? 0) + Number(n);

		// The province's county rollup, its own file; the province rollup and regions for all of them at the end.
		const county = path.join(this.tmp, countyRollupPath(provinceCode));
		mkdirSync(path.dirname(county), { recursive: true });
		await c.run(`COPY (${rollupSelectSql('county')} ORDER BY ${ROLLUP_ORDER}) TO ${sqlPath(county)} (${PARQUET(ROW_GROUP.rollup)})`);
		const rows = Number((await c.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet(${sqlPath(county)})`)).getRows()[0][0]);
		this.countyRollup.push({ province_code: provinceCode, province: (counts[3] as string | null) ?? null, path: countyRollupPath(provinceCode), rows, ...fileSizes(county) });
		const regions = `SELECT left(division_code, 2) AS province_code, province, city, county, division_code, count(*)::INTEGER AS reports FROM reports GROUP BY ALL`;
		if (!this.rollupsStarted) {
			await c.run(`CREATE TABLE rollup_province AS ${rollupSelectSql('province')}`);
			await c.run(`CREATE TABLE rollup_regions AS ${regions}`);
			this.rollupsStarted = true;
		} else {
			await c.run(`INSERT INTO rollup_province ${rollupSelectSql('province')}`);
			await c.run(`INSERT INTO rollup_regions ${regions}`);
		}
		for (const t of PARTITIONED_TABLES) await c.run(`DELETE FROM ${t}`);
	}

	/** Rollups, regions, summary and manifest; then everything moves into outDir. */
	async finish(): Promise<PartitionedManifest> {
		const c = this.conn;
		try {
			if (!this.rollupsStarted) throw new Error('no province was added: nothing to write');
			mkdirSync(path.join(this.tmp, 'rollups'), { recursive: true });
			const rollups = { county: this.countyRollup } as Record<RollupFile, FileEntry> & { county: PartitionEntry[] };
			const write = async (name: RollupFile, sql: string) => {
				const file = path.join(this.tmp, ROLLUP_FILES[name]);
				await c.run(`COPY (${sql}) TO ${sqlPath(file)} (${PARQUET(ROW_GROUP.rollup)})`);
				const rows = Number((await c.runAndReadAll(`SELECT count(*)::INTEGER FROM (${sql})`)).getRows()[0][0]);
				rollups[name] = { path: ROLLUP_FILES[name], rows, ...fileSizes(file) };
			};
			await write(
				'regions',
				`SELECT province_code, province, city, county, division_code, sum(reports)::INTEGER AS reports FROM rollup_regions GROUP BY ALL ORDER BY division_code NULLS LAST, province, city NULLS FIRST, county NULLS FIRST`
			);
			await write('province', `SELECT * FROM rollup_province ORDER BY ${ROLLUP_ORDER}`);

			// The first chart: the national yearly totals, from the same query the browser runs.
			await c.run(`DROP TABLE IF EXISTS report_values`);
			await c.run(`CREATE VIEW report_values AS SELECT * FROM rollup_province`);
			const summaries = await writeSummary(c, this.tmp, LAYOUT_VERSION, PROVINCE_CUBE_KEYS);

			const totals = Object.fromEntries(PARTITIONED_TABLES.map((t) => [t, this.partitions[t].reduce((s, p) => s + p.rows, 0)])) as Record<PartitionedTable, number>;
			const manifest: PartitionedManifest = {
				schema_version: LAYOUT_VERSION,
				layout: 'partitioned',
				built_at: new Date().toISOString(),
				summary: 'summary.json',
				rollups,
				partitions: this.partitions,
				totals,
				origins: this.origins
			};
			await writeFile(path.join(this.tmp, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');

			// Data first, the manifest last: a reader that finds the new manifest finds the new files.
			for (const name of [...PARTITIONED_TABLES, 'rollups', ...summaries, 'manifest.json']) {
				await rm(path.join(this.outDir, name), { recursive: true, force: true });
				await rename(path.join(this.tmp, name), path.join(this.outDir, name));
			}
			return manifest;
		} finally {
			this.close();
			await rm(this.tmp, { recursive: true, force: true });
		}
	}

	close() {
		this.conn.closeSync();
		this.instance.closeSync();
	}

	/** Instead of finish: close and remove the temporary folder, leaving outDir as it was. */
	async abort() {
		this.close();
		await rm(this.tmp, { recursive: true, force: true });
	}
}

/** The partitioned layout of a flat dataset (reports/figures/checks.parquet in `dataDir`). */
export async function layoutFromFlat(dataDir: string, outDir: string): Promise<PartitionedManifest> {
	const writer = await PartitionedWriter.open(outDir);
	const c = writer.conn;
	try {
		for (const t of PARTITIONED_TABLES) await c.run(`CREATE VIEW flat_${t} AS SELECT * FROM read_parquet(${sqlPath(path.join(dataDir, `${t}.parquet`))})`);
		const province = `coalesce(left(division_code, 2), '${UNKNOWN_PROVINCE}')`;
		const codes = (await c.runAndReadAll(`SELECT DISTINCT ${province} FROM flat_reports ORDER BY 1`)).getRows().map((r) => String(r[0]));
		for (const code of codes) {
			await c.run(`INSERT INTO reports SELECT * FROM flat_reports WHERE ${province} = $1`, [code]);
			for (const t of ['figures', 'checks'] as const) await c.run(`INSERT INTO ${t} SELECT x.* FROM flat_${t} x SEMI JOIN reports USING (report_id)`);
			await writer.addProvince(code);
		}
	} catch (e) {
		await writer.abort();
		throw e;
	}
	return writer.finish();
}
