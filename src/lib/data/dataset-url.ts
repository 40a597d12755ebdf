import { DATASET_ID } from '$lib/schema/datasets';

/**
 * Where the dataset is: `?data=<folder URL>` when given; `?dataset=<id>` for one of the build's
 * own datasets (its sub-folder of data/); else the default at data/ itself.
 */
export function datasetBase(search: URLSearchParams, appBase: string, defaultId = 'pingtan'): string {
	const given = search.get('data');
	if (given) {
		try {
			const u = new URL(given, location.href);
			if (u.protocol === 'http:' || u.protocol === 'https:') return u.href.replace(/\/$/, '');
		} catch {
			/* fall through to the default */
		}
	}
	const id = search.get('dataset');
	if (id && id !== defaultId && DATASET_ID.test(id)) return `${appBase}/data/${id}`;
	return `${appBase}/data`;
}
