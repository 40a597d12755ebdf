/**
 * The datasets an app build offers, listed in `datasets.json` beside the default dataset: the
 * default sits at the data folder's root, each other one in a sub-folder named by its id.
 */
export const DATASET_CATALOGUE = 'datasets.json';

export interface CatalogueEntry {
	/** The `?dataset=` value; also the sub-folder of every dataset but the default. */
	id: string;
	/** Folder relative to the data root ('' for the default). */
	path: string;
	label: string;
	label_en: string;
	origin: 'document' | 'generated';
	reports: number;
}

export interface Catalogue {
	default: string;
	datasets: CatalogueEntry[];
}

/** Agencies renamed over the years, beside a dataset's files: each earlier name links to the later one. */
export const AGENCY_LINKS = 'agency-links.json';

export interface AgencyLink {
	division_code: string | null;
	from: string;
	to: string;
	/** The first year reported under the new name. */
	since: number;
	/** What says they are one agency. */
	source: string;
}

export function isAgencyLinks(x: unknown): x is AgencyLink[] {
	return Array.isArray(x) && x.every((l) => l && typeof l.from === 'string' && typeof l.to === 'string' && Number.isInteger(l.since));
}

/** The two datasets every build offers: the real 平潭 reports (the default, at the data root) and the 郑州 demo. */
export function defaultCatalogue(realReports: number, demoReports: number): Catalogue {
	return {
		default: 'pingtan',
		datasets: [
			{
				id: 'pingtan',
				path: '',
				label: `平潭综合实验区 · 真实报告 ${realReports} 份`,
				label_en: `Pingtan · ${realReports} real reports`,
				origin: 'document',
				reports: realReports
			},
			{ id: 'zhengzhou', path: 'zhengzhou', label: '郑州市 · 示例数据', label_en: 'Zhengzhou · generated demo data', origin: 'generated', reports: demoReports }
		]
	};
}

/** An id safe to use as a folder name in a URL. */
export const DATASET_ID = /^[a-z0-9][a-z0-9-]{0,40}$/;

export function isCatalogue(x: unknown): x is Catalogue {
	const c = x as Catalogue;
	return (
		!!c &&
		typeof c.default === 'string' &&
		Array.isArray(c.datasets) &&
		c.datasets.every((d) => d && DATASET_ID.test(d.id) && typeof d.path === 'string' && typeof d.label === 'string')
	);
}
