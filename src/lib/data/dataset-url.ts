/** Where the dataset is: `?data=<folder URL>` when given, else the app's own data/ folder. */
export function datasetBase(search: URLSearchParams, appBase: string): string {
	const given = search.get('data');
	if (given) {
		try {
			const u = new URL(given, location.href);
			if (u.protocol === 'http:' || u.protocol === 'https:') return u.href.replace(/\/$/, '');
		} catch {
			/* fall through to the default */
		}
	}
	return `${appBase}/data`;
}
