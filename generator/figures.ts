/**
 * Plausible figures for one agency over the years: applications by applicant type, outcomes in
 * the proportions real reports show, appeals, proactive disclosure; carried-out of year Y is
 * carried-in of Y+1; every identity holds.
 */
import { APPEAL_COLUMNS, APPLICANT_COLUMNS, cellKey, type FormatVersion } from '../src/lib/schema/report-format';
import type { Rng } from './rng';

const PARTS = APPLICANT_COLUMNS.filter((c) => c.code !== 'total').map((c) => c.code);
const APPLICANT_WEIGHTS = [0.86, 0.07, 0.004, 0.006, 0.03, 0.03];

const OUTCOMES_COMMON: [string, number][] = [
	['granted', 0.46],
	['partial', 0.07],
	['denied_secret', 0.002],
	['denied_law', 0.004],
	['denied_safety', 0.002],
	['denied_third_party', 0.008],
	['denied_internal', 0.008],
	['denied_process', 0.01],
	['denied_enforcement', 0.004],
	['denied_query', 0.006],
	['unable_not_held', 0.21],
	['unable_create', 0.035],
	['unable_unclear', 0.02],
	['rejected_petition', 0.03],
	['rejected_repeat', 0.025],
	['rejected_publication', 0.004],
	['rejected_excessive', 0.005],
	['rejected_confirm', 0.006]
];
const OTHER_2019: [string, number][] = [['other', 0.06]];
const OTHER_2021: [string, number][] = [
	['other_no_fix', 0.035],
	['other_no_fee', 0.002],
	['other_misc', 0.025]
];

const YEAR_FACTOR: Record<number, number> = { 2019: 0.8, 2020: 0.9, 2021: 1.0, 2022: 1.1, 2023: 1.05, 2024: 1.0, 2025: 0.95 };

export function formatOf(year: number): FormatVersion {
	return year >= 2021 ? '2021' : '2019';
}

export interface YearFigures {
	figures: Map<string, number | null>;
	carriedOut: number[];
}

/**
 * How an agency departs from the typical mix (multipliers, 1 = typical): the share of requests
 * granted in full or in part, and how often applicants appeal. Without one, the draws are exactly
 * those of the document corpus.
 */
export interface FigureMix {
	granted: number;
	appeals: number;
}

/** Figures for one year; `carriedIn` is last year's carried-out per applicant column. */
export function yearFigures(rng: Rng, year: number, scale: number, trend: number, carriedIn: number[] | undefined, mix?: FigureMix): YearFigures {
	const format = formatOf(year);
	const f = new Map<string, number | null>();
	const lambda = scale * (YEAR_FACTOR[year] ?? 1) * Math.pow(trend, year - 2019);
	const newTotal = rng.poisson(lambda);
	const newBy = rng.split(newTotal, APPLICANT_WEIGHTS);
	const inBy = carriedIn ?? rng.split(rng.poisson(lambda * 0.04), APPLICANT_WEIGHTS);
	const typical = [...OUTCOMES_COMMON, ...(format === '2019' ? OTHER_2019 : OTHER_2021)];
	const outcomes: [string, number][] = mix ? typical.map(([row, w]) => [row, row === 'granted' || row === 'partial' ? w * mix.granted : w]) : typical;
	const set = (row: string, byCol: number[]) => {
		byCol.forEach((v, i) => f.set(cellKey('requests', row, PARTS[i]), v));
		f.set(
			cellKey('requests', row, 'total'),
			byCol.reduce((a, b) => a + b, 0)
		);
	};
	set('new', newBy);
	set('carried_in', inBy);
	const outBy: number[] = [];
	const handledBy: number[] = [];
	newBy.forEach((n, i) => {
		const available = n + inBy[i];
		const out = Math.min(available, rng.poisson(available * 0.05));
		outBy.push(out);
		handledBy.push(available - out);
	});
	const perRow = new Map<string, number[]>(outcomes.map(([row]) => [row, PARTS.map(() => 0)]));
	handledBy.forEach((h, i) => {
		rng
			.split(
				h,
				outcomes.map(([, w]) => w)
			)
			.forEach((v, j) => (perRow.get(outcomes[j][0])![i] = v));
	});
	for (const [row, byCol] of perRow) set(row, byCol);
	set('total', handledBy);
	set('carried_out', outBy);

	// Appeals: a few per hundred applications; after-review suits follow reviews.
	const appealRate = mix?.appeals ?? 1;
	const review = rng.poisson(newTotal * 0.025 * appealRate);
	const direct = rng.poisson(newTotal * 0.012 * appealRate);
	const after = rng.poisson(review * 0.3);
	for (const [row, n] of [
		['review', review],
		['suit_direct', direct],
		['suit_after_review', after]
	] as const) {
		const [upheld, corrected, other, pending] = rng.split(n, [0.62, 0.14, 0.1, 0.14]);
		const vals: Record<string, number> = { upheld, corrected, other, pending, total: n };
		for (const c of APPEAL_COLUMNS) f.set(cellKey('appeals', row, c.code), vals[c.code]);
	}

	// Proactive disclosure: county-level agencies make no 规章; licensing agencies decide a lot.
	const decisions = () => rng.poisson(scale * rng.pick([0.5, 2, 8]));
	if (format === '2019') {
		const made = rng.poisson(1.5);
		for (const [row, vals] of [
			['rules', [0, 0, 0]],
			['normative', [made, made, made + rng.int(0, 20)]]
		] as const)
			vals.forEach((v, i) => f.set(cellKey('active', row, ['made', 'published', 'public_total'][i]), v));
		for (const row of ['license', 'other_service', 'penalty', 'coercion']) {
			f.set(cellKey('active', row, 'prev_items'), rng.poisson(4));
			f.set(cellKey('active', row, 'change'), rng.int(-1, 2));
			f.set(cellKey('active', row, 'decisions'), decisions());
		}
		f.set(cellKey('active', 'fees', 'prev_items'), rng.poisson(0.5));
		f.set(cellKey('active', 'fees', 'change'), 0);
		const items = rng.poisson(2);
		f.set(cellKey('active', 'procurement', 'items'), items);
		f.set(cellKey('active', 'procurement', 'amount'), items ? Math.round(rng.next() * 50000) / 100 : 0);
	} else {
		const issued = rng.poisson(1.2);
		f.set(cellKey('active', 'rules', 'issued'), 0);
		f.set(cellKey('active', 'rules', 'repealed'), 0);
		f.set(cellKey('active', 'rules', 'in_force'), 0);
		f.set(cellKey('active', 'normative', 'issued'), issued);
		f.set(cellKey('active', 'normative', 'repealed'), rng.poisson(0.3));
		f.set(cellKey('active', 'normative', 'in_force'), issued + rng.int(0, 30));
		for (const row of ['license', 'penalty', 'coercion']) f.set(cellKey('active', row, 'decisions'), decisions());
		f.set(cellKey('active', 'fees', 'amount_wan'), rng.chance(0.2) ? Math.round(rng.next() * 5000) / 100 : 0);
	}
	return { figures: f, carriedOut: outBy };
}
