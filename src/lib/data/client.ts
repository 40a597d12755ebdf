/**
 * What views import to query: it loads the DuckDB module only when first asked, so the first
 * chart (drawn from the build-time summary) does not wait for the engine's code.
 */
import type { Row } from './duckdb';
import type { Scope } from './scope';
import type { Query } from '$lib/sql/queries';

export type { Row };

/** The open dataset's loader when it is partitioned: it makes a region's rows ready. */
let partitioned: import('./partitioned-data').PartitionedData | undefined;

/**
 * Run a query built by src/lib/sql: the tables it declares it reads are made ready first (a
 * partitioned dataset loads a region's figures and checks after its reports).
 */
export async function run(q: Query): Promise<Row[]> {
	const db = await import('./duckdb');
	if (partitioned && q.reads.some((t) => t === 'figures' || t === 'checks')) await partitioned.whenDetail();
	const t0 = performance.now();
	try {
		return await db.query(q.sql, q.params);
	} finally {
		performance.measure('query', { start: t0 });
	}
}

export async function openDataset(...args: Parameters<typeof import('./app-data').openDataset>) {
	const m = await import('./app-data');
	return adopted(await m.openDataset(...args));
}

/** The dataset now in the engine (opened, or made of imported reports): queries follow its layout. */
export function adopted<T extends { partitioned?: import('./partitioned-data').PartitionedData }>(opened: T): T {
	partitioned = opened.partitioned;
	return opened;
}

/** Partitioned datasets: load (once) and switch to the rows a region's views need. */
export async function openScope(scope: Scope) {
	if (!partitioned) throw new Error('openScope: the open dataset is not partitioned');
	const t0 = performance.now();
	try {
		return await partitioned.openScope(scope);
	} finally {
		performance.measure(`scope:${scope.level}`, { start: t0 });
	}
}
