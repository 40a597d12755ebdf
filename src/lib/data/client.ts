/**
 * What views import to query: it loads the DuckDB module only when first asked, so the first
 * chart (drawn from the build-time summary) does not wait for the engine's code.
 */
import type { Row } from './duckdb';
import type { Scope } from './scope';

export type { Row };

/** SQL that reads a report's figures or checks (loaded after a region's reports in a partitioned dataset). */
const READS_DETAIL = /\b(?:FROM|JOIN)\s+(?:figures|checks)\b/i;
let partitioned = false;

export async function query(sql: string, params: unknown[] = []): Promise<Row[]> {
	const db = await import('./duckdb');
	if (partitioned && READS_DETAIL.test(sql)) await (await import('./partitioned-data')).whenDetail();
	const t0 = performance.now();
	try {
		return await db.query(sql, params);
	} finally {
		performance.measure('query', { start: t0 });
	}
}

export async function openDataset(...args: Parameters<typeof import('./app-data').openDataset>) {
	const m = await import('./app-data');
	const opened = await m.openDataset(...args);
	partitioned = opened.layout === 'partitioned';
	return opened;
}

/** Partitioned datasets: load (once) and switch to the rows a region's views need. */
export async function openScope(scope: Scope) {
	const m = await import('./partitioned-data');
	const t0 = performance.now();
	try {
		return await m.openScope(scope);
	} finally {
		performance.measure(`scope:${scope.level}`, { start: t0 });
	}
}
