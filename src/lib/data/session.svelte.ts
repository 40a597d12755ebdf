/**
 * The data session of one page: boot (the build-time summary first, then the engine), opening a
 * dataset (the default, a folder by URL, the user's own files, imported reports), and the current
 * scope of a partitioned dataset. The app's shell and /embed both hold one; views only read its
 * state. Errors are kept with what to do about them.
 */
import { adopted, openDataset, openScope } from './client';
import type { OpenedDataset } from './app-data';
import { DatasetError, type Source, type Text } from './load-dataset';
import { t, type Lang } from '$lib/i18n';
import type { RegionRow, Scope } from './scope';
import type { Row } from './duckdb';
import type { Domain } from '$lib/state/filters';
import { AGENCY_LINKS, isAgencyLinks, type AgencyLink } from '$lib/schema/datasets';
import { CUBE_FILE, isCube, isFilterChoices, type Cube, type FilterChoices } from '$lib/sql/cube';

/** What failed (a dictionary text, or an unforeseen error's own message) and what to do about it. */
export interface Failure {
	text?: Text;
	message: string;
	hint: Text;
}

/** A failure in the page's language. */
export function failureIn(lang: Lang, f: Failure): { message: string; hint: string } {
	return { message: f.text ? t(lang, f.text.key, f.text.vars) : f.message, hint: t(lang, f.hint.key, f.hint.vars) };
}

export interface ScopeState {
	key: string;
	status: 'loading' | 'ready' | 'error';
	failure?: Failure;
	agencies: string[];
	reports: string[];
}

/** What failed, and the hint the loader gave (a DatasetError carries one) or a general one. */
export function failureOf(e: unknown, hint: Text = { key: 'hintReloadPage' }): Failure {
	if (e instanceof DatasetError) return { text: e.text, message: e.message, hint: e.hintText };
	return { message: e instanceof Error ? e.message : String(e), hint };
}

export class DataSession {
	engine = $state<'loading' | 'ready' | 'error'>('loading');
	failure = $state<Failure | null>(null);
	domain = $state<Domain | null>(null);
	regions = $state<RegionRow[]>([]);
	totals = $state({ reports: 0, generated: 0 });
	/** A partitioned (national) dataset loads a region's rows when its views need them. */
	layout = $state<'flat' | 'partitioned'>('flat');
	/** Bumped whenever another dataset is adopted: views keyed on it start over. */
	version = $state(0);
	/** The build-time summary that draws the first chart before the engine answers. */
	summary = $state<Row[] | null>(null);
	/** The build-time cube that answers the overview under filters before the engine does (loadCube). */
	cube = $state<Cube | null>(null);
	/** What the filters offer before the engine answers (from the summary). */
	choices = $state<FilterChoices | null>(null);
	private cubeRequested = false;
	/** Agencies renamed over the years (optional beside the dataset). */
	links = $state<AgencyLink[]>([]);
	scope = $state<ScopeState>({ key: '', status: 'loading', agencies: [], reports: [] });

	/**
	 * `dataBase`: where the dataset's files are served (the URL decides it).
	 */
	constructor(private readonly dataBase: () => string) {}

	/** The domain URL parameters are checked against; for a partitioned dataset, the scope's agencies and reports. */
	get scopedDomain(): Domain | null {
		return this.domain && this.layout === 'partitioned' ? { ...this.domain, agencies: this.scope.agencies, reports: this.scope.reports } : this.domain;
	}

	/** The regions and years the filters offer: the engine's once it answers, the summary's before (computed once per change). */
	filterChoices = $derived.by((): { domain: Domain; regions: Pick<RegionRow, 'province' | 'city' | 'county'>[] } | null => {
		if (this.domain) return { domain: this.domain, regions: this.regions };
		if (!this.choices) return null;
		const { regions, years } = this.choices;
		const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))].sort();
		return {
			domain: { provinces: uniq(regions.map((r) => r.province)), cities: uniq(regions.map((r) => r.city)), counties: uniq(regions.map((r) => r.county)), years, agencies: [], reports: [], },
			regions
		};
	});

	/** Whether views of this scope (null: a flat dataset) can query. */
	readyFor(scope: Scope | null): boolean {
		return this.engine === 'ready' && (!scope || (this.scope.key === scope.key && this.scope.status === 'ready'));
	}

	/** The summary (with the filters' choices) and agency links first (small), then the engine once the first chart has drawn. */
	boot(): void {
		const base = this.dataBase();
		fetch(`${base}/${AGENCY_LINKS}`)
			.then((r) => (r.ok ? r.json() : []))
			.then((l) => isAgencyLinks(l) && (this.links = l))
			.catch(() => {});
		fetch(`${base}/summary.json`)
			.then((r) => (r.ok ? r.json() : null))
			.then((s) => {
				if (s && Array.isArray(s.yearly)) this.summary = s.yearly;
				if (s && isFilterChoices(s.choices)) this.choices = s.choices;
			})
			.catch(() => {})
			.finally(() => requestAnimationFrame(() => setTimeout(() => this.open(), 0)));
	}

	async open(source: Source = { kind: 'url', base: this.dataBase() }): Promise<void> {
		this.engine = 'loading';
		this.failure = null;
		try {
			this.adopt(await openDataset(source));
		} catch (e) {
			this.failure = failureOf(e);
			this.engine = 'error';
		}
	}

	/** A filter was set before the engine answers: fetch (once) the cube that answers it meanwhile. */
	loadCube(): void {
		if (this.cubeRequested || this.engine === 'ready' || this.version > 0) return;
		this.cubeRequested = true;
		fetch(`${this.dataBase()}/${CUBE_FILE}`)
			.then((r) => (r.ok ? r.json() : null))
			.then((c) => isCube(c) && this.version === 0 && (this.cube = c))
			.catch(() => {});
	}

	/** The user's own dataset from disk: Parquet files in the contract's schema (and its manifest). */
	async openFiles(files: File[]): Promise<void> {
		const map = new Map<string, ArrayBuffer>();
		for (const f of files) map.set(f.name, await f.arrayBuffer());
		this.summary = null;
		this.cube = null;
		this.choices = null;
		await this.open({ kind: 'files', files: map });
	}

	/** The dataset now in the engine: its layout, regions, totals and the values URL parameters are checked against. */
	adopt(opened: OpenedDataset): void {
		this.layout = opened.layout;
		this.regions = opened.regions;
		this.totals = { reports: opened.reports, generated: opened.generated };
		this.domain = opened.domain;
		this.version++;
		this.engine = 'ready';
		this.failure = null;
	}

	/** Reports imported in the browser joined or replaced the dataset: the build-time summary no longer holds. */
	adoptImported(opened: OpenedDataset): void {
		this.summary = null;
		this.cube = null;
		this.choices = null;
		this.adopt(adopted(opened));
	}

	/** Load (once) a region's rows of a partitioned dataset; the returned function drops a load no longer wanted. */
	loadScope(scope: Scope): () => void {
		let live = true;
		this.scope = { key: scope.key, status: 'loading', agencies: this.scope.agencies, reports: this.scope.reports };
		openScope(scope).then(
			(r) => live && (this.scope = { key: scope.key, status: 'ready', agencies: r.agencies, reports: r.reports }),
			(e) => live && (this.scope = { key: scope.key, status: 'error', failure: failureOf(e, { key: 'hintRetryScope' }), agencies: [], reports: [] })
		);
		return () => {
			live = false;
		};
	}
}
