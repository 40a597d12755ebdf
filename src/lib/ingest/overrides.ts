/** What the user states about a report (flags, a sidecar), over what its document says. */
export interface Overrides {
	agency?: string;
	year?: number;
	published?: string;
	region?: string;
	origin?: 'document' | 'generated';
}

/** What a sidecar `<file>.meta.json` states (agency, year, published, region), its other keys ignored. */
export function overridesFromSidecar(json: string): Overrides {
	try {
		const meta = JSON.parse(json);
		return {
			agency: typeof meta.agency === 'string' ? meta.agency : undefined,
			year: Number.isInteger(meta.year) ? meta.year : undefined,
			published: typeof meta.published === 'string' ? meta.published : undefined,
			region: typeof meta.region === 'string' ? meta.region : typeof meta.division_code === 'string' ? meta.division_code : undefined,
			origin: meta.origin === 'generated' || meta.origin === 'document' ? meta.origin : undefined
		};
	} catch {
		return {};
	}
}
