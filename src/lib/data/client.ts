/**
 * What views import to query: it loads the DuckDB module only when first asked, so the first
 * chart (drawn from the build-time summary) does not wait for the engine's code.
 */
import type { Row } from './duckdb';

export type { Row };

export async function query(sql: string, params: unknown[] = []): Promise<Row[]> {
	const db = await import('./duckdb');
	const t0 = performance.now();
	try {
		return await db.query(sql, params);
	} finally {
		performance.measure('query', { start: t0 });
	}
}

export async function openDataset(...args: Parameters<typeof import('./app-data').openDataset>) {
	const m = await import('./app-data');
	return m.openDataset(...args);
}
