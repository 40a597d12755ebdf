/**
 * Filter → charts latency in the page: the agency-kind filter set to each kind the data has in turn, timed from
 * the change to every card settled (none loading or refreshing) and the next frame drawn. A string,
 * not a function: tsx would add helpers the page does not have.
 */
import type { Page } from '@playwright/test';

export function filterLatencies(page: Page, changes = 40): Promise<number[]> {
	return page.evaluate(`(async () => {
		const out = [];
		// The kinds this dataset has (its filter's options), and back to all.
		const kinds = [...document.querySelector('[data-testid=filter-kind]').options].map((o) => o.value).filter(Boolean).slice(0, 7).concat(['']);
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
		for (let i = 0; i < ${changes}; i++) {
			const select = document.querySelector('[data-testid=filter-kind]');
			const before = location.search;
			const t0 = performance.now();
			select.value = kinds[i % kinds.length];
			select.dispatchEvent(new Event('change', { bubbles: true }));
			for (;;) {
				await frame();
				if (location.search !== before && !document.querySelector('[aria-busy=true]')) break;
				if (performance.now() - t0 > 10000) break;
			}
			await frame();
			out.push(performance.now() - t0);
		}
		return out;
	})()`) as Promise<number[]>;
}
