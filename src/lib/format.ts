/** Numbers for Chinese readers: 万 and 亿 for large values; rates as percentages. */
export function formatCount(v: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '—';
	const abs = Math.abs(v);
	if (lang === 'zh') {
		if (abs >= 1e8) return `${trim(v / 1e8)}亿`;
		if (abs >= 1e4) return `${trim(v / 1e4)}万`;
	} else if (abs >= 1e6) return `${trim(v / 1e6)}M`;
	else if (abs >= 1e4) return `${trim(v / 1e3)}k`;
	return Number.isInteger(v) ? v.toLocaleString('en-US') : trim(v);
}

function trim(v: number): string {
	return (Math.round(v * 100) / 100).toString();
}

export function formatRate(v: number | null | undefined): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	return `${(v * 100).toFixed(1)}%`;
}

/** Year-on-year change: relative for counts, percentage points for rates. */
export function formatChange(current: number | null | undefined, previous: number | null | undefined, kind: 'count' | 'rate'): string {
	if (current === null || current === undefined || previous === null || previous === undefined) return '';
	if (kind === 'rate') {
		const pp = (current - previous) * 100;
		return `${pp >= 0 ? '+' : ''}${pp.toFixed(1)} pp`;
	}
	if (previous === 0) return current === 0 ? '±0' : '';
	const pct = ((current - previous) / previous) * 100;
	return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

export function escapeHtml(s: unknown): string {
	return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
