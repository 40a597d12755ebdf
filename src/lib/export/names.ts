/** The current filters as words, for file names and image captions. */
import { agencyKindLabel } from '../schema/agency-kinds';
import type { AppState } from '../state/filters';
import { t } from '../i18n';

export function filterParts(app: AppState, lang: 'zh' | 'en'): string[] {
	const years = app.from !== null || app.to !== null ? `${app.from ?? ''}-${app.to ?? ''}` : '';
	return [app.province, app.city, app.county, app.kind ? agencyKindLabel(app.kind, lang) : null, app.q ? `“${app.q}”` : null, years, app.format ? `${app.format}版` : null].filter(
		(x): x is string => typeof x === 'string' && x !== ''
	);
}

export function filterCaption(app: AppState, lang: 'zh' | 'en'): string {
	const parts = filterParts(app, lang);
	return parts.length ? parts.join(' · ') : t(lang, 'allData');
}
