/**
 * What the query builders take: the filters of a view, defined here beside the SQL model so that
 * both the browser (state/, from the URL) and the ingest (summaries, layouts) can use them.
 */
export type CompareBy = 'county' | 'kind' | 'agency';

export interface Filters {
	province: string | null;
	city: string | null;
	county: string | null;
	kind: string | null;
	q: string;
	from: number | null;
	to: number | null;
	format: '2019' | '2021' | null;
}
