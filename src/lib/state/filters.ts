/**
 * The app's state, all of it in the URL so a link reproduces the view and back/forward work.
 * Parsing validates every value against the schema's codes or the data's own values; unknown
 * values are dropped with a notice. No SQL is ever built from these strings: the SQL builders
 * bind them as parameters.
 */
import { AGENCY_KIND_CODES } from '../schema/agency-kinds';
import { MEASURES } from '../schema/measures';

export type View = 'overview' | 'compare' | 'agency' | 'quality';
export const VIEWS: View[] = ['overview', 'compare', 'agency', 'quality'];
import type { CompareBy, Filters } from '$lib/sql/filters';
export type { CompareBy } from '$lib/sql/filters';
export type EmbedPart = 'headline' | 'years' | 'applicants' | 'outcomes' | 'appeals';
export const EMBED_PARTS: EmbedPart[] = ['headline', 'years', 'applicants', 'outcomes', 'appeals'];

export interface AppState extends Filters {
	view: View;
	lang: 'zh' | 'en';
	/** Compare view. */
	by: CompareBy;
	items: string[];
	measure: string;
	yearA: number | null;
	yearB: number | null;
	/** Agency view: agency key `division_code|agency`, and one report. */
	agency: string | null;
	report: string | null;
}

export const DEFAULT_STATE: AppState = {
	view: 'overview',
	lang: 'zh',
	province: null,
	city: null,
	county: null,
	kind: null,
	q: '',
	from: null,
	to: null,
	format: null,
	by: 'county',
	items: [],
	measure: 'new',
	yearA: null,
	yearB: null,
	agency: null,
	report: null
};

/** What the data offers, for validating parameters that are not schema codes. */
export interface Domain {
	provinces: string[];
	cities: string[];
	counties: string[];
	years: number[];
	agencies: string[];
	reports: string[];
}

const MAX_TEXT = 60;

export function parseState(params: URLSearchParams, domain: Domain | null): { state: AppState; dropped: string[] } {
	const s: AppState = { ...DEFAULT_STATE, items: [] };
	const dropped: string[] = [];
	const take = (name: string, ok: (v: string) => boolean, set: (v: string) => void) => {
		const v = params.get(name);
		if (v === null || v === '') return;
		if (ok(v)) set(v);
		else dropped.push(`${name}=${v.slice(0, 40)}`);
	};
	const inDomain = (list: keyof Domain) => (v: string) => !domain || (domain[list] as (string | number)[]).map(String).includes(v);
	const year = (v: string) => /^\d{4}$/.test(v) && (!domain || domain.years.includes(Number(v)));
	take(
		'view',
		(v) => (VIEWS as string[]).includes(v),
		(v) => (s.view = v as View)
	);
	take(
		'lang',
		(v) => v === 'zh' || v === 'en',
		(v) => (s.lang = v as 'zh' | 'en')
	);
	take('province', inDomain('provinces'), (v) => (s.province = v));
	take('city', inDomain('cities'), (v) => (s.city = v));
	take('county', inDomain('counties'), (v) => (s.county = v));
	take(
		'kind',
		(v) => AGENCY_KIND_CODES.includes(v),
		(v) => (s.kind = v)
	);
	take(
		'q',
		(v) => v.length <= MAX_TEXT,
		(v) => (s.q = v)
	);
	take('from', year, (v) => (s.from = Number(v)));
	take('to', year, (v) => (s.to = Number(v)));
	take(
		'format',
		(v) => v === '2019' || v === '2021',
		(v) => (s.format = v as '2019' | '2021')
	);
	take(
		'by',
		(v) => v === 'county' || v === 'kind' || v === 'agency',
		(v) => (s.by = v as CompareBy)
	);
	take(
		'measure',
		(v) => MEASURES.some((m) => m.code === v),
		(v) => (s.measure = v)
	);
	take('a', year, (v) => (s.yearA = Number(v)));
	take('b', year, (v) => (s.yearB = Number(v)));
	take(
		'agency',
		(v) => v.length <= 200 && inDomain('agencies')(v),
		(v) => (s.agency = v)
	);
	take(
		'report',
		(v) => /^[0-9a-f]{16}$/.test(v) && inDomain('reports')(v),
		(v) => (s.report = v)
	);
	for (const item of params.getAll('item')) {
		// Regions compared are counties, or provinces / cities where a dataset is summed by region.
		const region = (v: string) => inDomain('counties')(v) || inDomain('cities')(v) || inDomain('provinces')(v);
		const ok = s.by === 'kind' ? AGENCY_KIND_CODES.includes(item) : s.by === 'county' ? region(item) : inDomain('agencies')(item);
		if (ok && s.items.length < 12 && !s.items.includes(item)) s.items.push(item);
		else dropped.push(`item=${item.slice(0, 40)}`);
	}
	if (s.from !== null && s.to !== null && s.from > s.to) [s.from, s.to] = [s.to, s.from];
	return { state: s, dropped };
}

export function serializeState(s: AppState): URLSearchParams {
	const p = new URLSearchParams();
	const put = (k: string, v: string | number | null) => {
		if (v !== null && v !== '') p.set(k, String(v));
	};
	if (s.view !== 'overview') put('view', s.view);
	if (s.lang !== 'zh') put('lang', s.lang);
	put('province', s.province);
	put('city', s.city);
	put('county', s.county);
	put('kind', s.kind);
	put('q', s.q);
	put('from', s.from);
	put('to', s.to);
	put('format', s.format);
	if (s.view === 'compare') {
		if (s.by !== 'county') put('by', s.by);
		for (const i of s.items) p.append('item', i);
		if (s.measure !== 'new') put('measure', s.measure);
		put('a', s.yearA);
		put('b', s.yearB);
	}
	if (s.view === 'agency') {
		put('agency', s.agency);
		put('report', s.report);
	}
	return p;
}
