/**
 * What views import to query: it loads the DuckDB module only when first asked, so the first
 * chart (drawn from the build-time summary) does not wait for the engine's code.
 */
import type { Row } from './duckdb';
import type { Scope } from './scope';
import type { Query } from '$lib/sql/queries';

export type { Row };

let partitioned = false;

/**
 * Run a query built by src/lib/sql: the tables it declares it reads are made ready first (a
 * partitioned dataset loads a region's figures and checks after its reports).
 */
export async function run(q: Query): Promise<Row[]> {
	const db = await import('./duckdb');
	if (partitioned && q.reads.some((t) => t === 'figures' || t === 'checks')) await (await import('./partitioned-data')).whenDetail();
	const t0 = performance.now();
	try {
		return await db.query(q.sql, q.params);
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
