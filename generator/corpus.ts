/**
 * The generated corpus: report documents for 郑州市's agencies, 2019–2025, in every input form
 * with each form's real-world mess, and a small share of planted faults listed with the checks
 * they must fail. Deterministic: the same seed gives byte-identical documents.
 */
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { APPLICANT_COLUMNS, cellKey } from '../src/lib/schema/report-format';
import { agencyRoster, type Agency } from './agencies';
import { formatOf, yearFigures } from './figures';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderText } from './render-text';
import { Rng } from './rng';
import { CLEAN, type Mess, type ReportSpec } from './spec';
import { TITLE_LAYOUTS } from './wordings';
import { renderCrawlerText, renderMarkdown } from './render-flat';
import { renderPdf } from './render-pdf';

export const FORMS = ['text', 'html', 'html-gbk', 'docx', 'pdf', 'crawler', 'markdown'] as const;
export type Form = (typeof FORMS)[number];

/** Forms whose table cells are not structural: figures are printed, never left blank. */
const PRINTS_EVERY_FIGURE = new Set<Form>(['text', 'crawler', 'markdown']);

export type FaultKind = 'results_mismatch' | 'blank_total' | 'carry_over_mismatch' | 'appeals_mismatch' | 'missing_year' | 'text_mismatch';

export interface PlantedFault {
	agency: string;
	year: number;
	fault: FaultKind;
	/** The checks this fault must fail (none for a missing year). */
	expected_checks: string[];
	file?: string;
}

export interface GeneratedDocument {
	path: string;
	form: Form;
	spec: ReportSpec;
	bytes: () => Promise<Uint8Array>;
}

export interface CorpusOptions {
	seed: number;
	years?: [number, number];
	streetsPerCounty?: number;
	/** Agency-years that real documents cover: not generated; their carried-over figures are 0. */
	exclude?: { agency: string; year: number }[];
	/** Limit the number of agencies (tests). */
	maxAgencies?: number;
	/** Share of reports with a planted fault of each kind. */
	faultRate?: number;
	/** Forms to write, equally often (default: text dumps, web pages and .docx in real-world shares). */
	forms?: Form[];
}

const FORM_WEIGHTS: [Form, number][] = [
	['text', 0.35],
	['html', 0.3],
	['html-gbk', 0.15],
	['docx', 0.2]
];

function pickForm(rng: Rng, forms?: Form[]): Form {
	if (forms?.length) return forms[Math.min(forms.length - 1, Math.floor(rng.next() * forms.length))];
	let r = rng.next();
	for (const [form, w] of FORM_WEIGHTS) if ((r -= w) < 0) return form;
	return 'text';
}

/** What real reports do around the tables, in every form: title layouts, label drift, chrome, a metadata block. */
function realWorld(rng: Rng): Pick<Mess, 'labelDrift' | 'title' | 'chrome' | 'metaBlock'> {
	return { labelDrift: rng.chance(0.3) ? 0.3 : 0, title: rng.chance(0.5) ? 'agency-then-year' : rng.pick(TITLE_LAYOUTS), chrome: rng.chance(0.3), metaBlock: rng.chance(0.3) };
}

function messFor(form: Form, rng: Rng): Mess {
	const world = realWorld(rng);
	// Text that lost its cell separators is read by arithmetic: its figures are plain numbers.
	if (form === 'crawler') {
		const fullWidth = rng.chance(0.1) ? 0.2 : 0;
		const splitHeaders = rng.chance(0.5);
		// One draw picks the body's shape: on one line, one cell per line, or one row per line.
		const shape = rng.next();
		const cellLines = shape >= 0.4 && shape < 0.6;
		// Among cell-per-line texts, the same draw decides whether spans are marked by bars and rows kept on one line.
		return { ...CLEAN, ...world, fullWidth, splitHeaders, oneLine: shape < 0.4, cellLines, spanBars: cellLines && shape >= 0.45, rowPerLine: cellLines && shape >= 0.52 };
	}
	if (form === 'markdown') return { ...CLEAN, ...world, fullWidth: rng.chance(0.1) ? 0.2 : 0, splitHeaders: rng.chance(0.5) };
	if (form === 'pdf') return { ...CLEAN, ...world, fullWidth: rng.chance(0.1) ? 0.2 : 0, splitHeaders: rng.chance(0.5), moneyUnits: rng.chance(0.3) };
	const text = form === 'text';
	return {
		...CLEAN,
		...world,
		nbsp: text ? rng.pick([0, 0.5, 1]) : rng.pick([0, 0.1]),
		fullWidth: rng.chance(0.1) ? 0.2 : 0,
		blankAsMarker: rng.chance(0.1) ? 0.3 : 0,
		dropOutcomeLabels: text && rng.chance(0.3),
		splitHeaders: rng.chance(0.5),
		artefacts: text && rng.chance(0.2),
		moneyUnits: rng.chance(0.3)
	};
}

function publishedDate(rng: Rng, year: number): string {
	return `${year + 1}-01-${String(rng.int(5, 31)).padStart(2, '0')}`;
}

/** Fixed zip entry dates and document properties, so a seed always gives the same bytes. */
async function stableDocx(bytes: Uint8Array, year: number): Promise<Uint8Array> {
	const zip = await JSZip.loadAsync(bytes);
	const date = new Date(Date.UTC(year + 1, 0, 1));
	const core = zip.file('docProps/core.xml');
	if (core) {
		const xml = (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${date.toISOString().replace(/\.\d+Z$/, 'Z')}$2`);
		zip.file('docProps/core.xml', xml, { date });
	}
	zip.forEach((_, file) => {
		file.date = date;
	});
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/** Add `d` to one applicant column and the total of a requests row. */
function bump(f: Map<string, number | null>, row: string, col: string, d: number) {
	for (const c of [col, 'total']) {
		const k = cellKey('requests', row, c);
		f.set(k, (f.get(k) ?? 0) + d);
	}
}

export function generateCorpus(opts: CorpusOptions): { documents: GeneratedDocument[]; faults: PlantedFault[]; agencies: Agency[] } {
	const root = new Rng(opts.seed);
	const [from, to] = opts.years ?? [2019, 2025];
	let agencies = agencyRoster(root.fork('roster'), opts.streetsPerCounty ?? 6);
	if (opts.maxAgencies) agencies = agencies.slice(0, opts.maxAgencies);
	const faultRate = opts.faultRate ?? 0.01;
	const exclude = new Set((opts.exclude ?? []).map((e) => `${e.agency}|${e.year}`));
	const documents: GeneratedDocument[] = [];
	const faults: PlantedFault[] = [];

	agencies.forEach((agency, index) => {
		const rng = root.fork(`agency:${agency.name}`);
		if ([...exclude].some((k) => k.startsWith(`${agency.name}|`))) agency.titleName = agency.name;
		const trend = 0.9 + rng.next() * 0.25;
		let carried: number[] | undefined;
		let previousPrinted = false;
		for (let year = from; year <= to; year++) {
			const y = rng.fork(`year:${year}`);
			const { figures, carriedOut } = yearFigures(y, year, agency.scale, trend, carried);
			if (exclude.has(`${agency.name}|${year + 1}`)) {
				// The real report of next year carries nothing in: hand this year's open cases out as granted.
				APPLICANT_COLUMNS.filter((c) => c.code !== 'total').forEach((c, i) => {
					bump(figures, 'granted', c.code, carriedOut[i]);
					bump(figures, 'carried_out', c.code, -carriedOut[i]);
					carriedOut[i] = 0;
				});
			}
			if (exclude.has(`${agency.name}|${year}`)) {
				carried = APPLICANT_COLUMNS.filter((c) => c.code !== 'total').map(() => 0);
				previousPrinted = true;
				continue;
			}
			// Planted faults, each with the checks it must fail.
			let fault: PlantedFault | undefined;
			let statedOffset: number | undefined;
			const roll = y.next();
			const newTotal = figures.get(cellKey('requests', 'new', 'total')) ?? 0;
			if (year > from && roll < faultRate) fault = { agency: agency.titleName, year, fault: 'missing_year', expected_checks: [] };
			else if (roll < 2 * faultRate) {
				const d = y.int(1, 3);
				bump(figures, 'granted', 'natural', d);
				fault = { agency: agency.titleName, year, fault: 'results_mismatch', expected_checks: ['requests.results.natural', 'requests.results.total'] };
			} else if (roll < 3 * faultRate && newTotal > 0) {
				figures.set(cellKey('requests', 'new', 'total'), null);
				fault = { agency: agency.titleName, year, fault: 'blank_total', expected_checks: ['requests.applicants.new', 'requests.balance.total'] };
			} else if (roll < 4 * faultRate && year > from && previousPrinted) {
				const d = y.int(1, 4);
				bump(figures, 'carried_in', 'natural', d);
				bump(figures, 'carried_out', 'natural', d);
				carriedOut[0] += d;
				fault = { agency: agency.titleName, year, fault: 'carry_over_mismatch', expected_checks: ['carry_over.natural', 'carry_over.total'] };
			} else if (roll < 4.5 * faultRate) {
				const k = cellKey('appeals', 'review', 'total');
				figures.set(k, (figures.get(k) ?? 0) + 1);
				fault = { agency: agency.titleName, year, fault: 'appeals_mismatch', expected_checks: ['appeals.row.review'] };
			} else if (roll < 5 * faultRate && newTotal > 0) {
				// The words say one number, the table another.
				statedOffset = y.int(1, 3);
				fault = { agency: agency.titleName, year, fault: 'text_mismatch', expected_checks: ['text.requests.received'] };
			}
			carried = carriedOut;
			if (fault) faults.push(fault);
			if (fault?.fault === 'missing_year') {
				previousPrinted = false;
				continue;
			}
			previousPrinted = true;

			const form = pickForm(y, opts.forms);
			const mess = messFor(form, y);
			// Some PDFs print tables without borders; then a blank row could not be told from a broken
			// label (readers/pdf.ts), so those print every figure.
			const borderless = form === 'pdf' && y.chance(0.2);
			// Web pages often leave zero cells blank: the document then prints blanks, not zeros.
			if (!PRINTS_EVERY_FIGURE.has(form) && !borderless && y.chance(0.1)) for (const [k, v] of figures) if (v === 0 && !k.startsWith('appeals')) figures.set(k, null);
			// Others print some cells as a dash or 无: not printed either (blank, never read as 0).
			if (mess.blankAsMarker) for (const [k, v] of figures) if (v === 0 && !k.startsWith('appeals') && y.chance(mess.blankAsMarker)) figures.set(k, null);
			const spec: ReportSpec = {
				agency: agency.name,
				titleName: agency.titleName,
				signature: agency.signature,
				year,
				format: formatOf(year),
				published: publishedDate(y, year),
				figures,
				tableBorders: !borderless,
				statedOffset,
				generated: true
			};
			const ext = { docx: 'docx', text: 'txt', html: 'html', 'html-gbk': 'html', pdf: 'pdf', crawler: 'txt', markdown: 'md' }[form];
			const path = `${agency.countyCode}/a${String(index).padStart(3, '0')}-${year}.${ext}`;
			if (fault) fault.file = path;
			const renderRng = y.fork('render');
			documents.push({
				path,
				form,
				spec,
				bytes: async () => {
					const r = renderRng.fork('bytes');
					if (form === 'text') return new TextEncoder().encode(renderText(spec, r, mess));
					if (form === 'html') return new TextEncoder().encode(renderHtml(spec, r, mess, 'utf-8'));
					if (form === 'pdf') return renderPdf(spec, r, mess);
					if (form === 'crawler') return new TextEncoder().encode(renderCrawlerText(spec, r, mess));
					if (form === 'markdown') return new TextEncoder().encode(renderMarkdown(spec, r, mess));
					if (form === 'html-gbk') return new Uint8Array(iconv.encode(renderHtml(spec, r, mess, 'gbk'), 'gbk'));
					return stableDocx(await renderDocx(spec, r, mess), year);
				}
			});
		}
	});
	return { documents, faults, agencies };
}
