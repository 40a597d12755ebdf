import type { Page } from '@playwright/test';

/** Until the overview answers: its headlines and first chart drawn and no card busy (from the cube or the engine). */
export async function overviewAnswered(page: Page): Promise<void> {
	await page.waitForFunction(
		"document.querySelector('[data-testid=headlines] .kpi') && document.querySelector('[data-testid=chart-years] canvas') && !document.querySelector('[aria-busy=true]')",
		null,
		{ timeout: 120_000, polling: 10 }
	);
}
