/** Worker thread: read and parse input files sent by the pool (see parse-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file';
import type { Overrides } from '../src/lib/ingest/parse';
import { CellListRefs, toReportRows } from '../src/lib/ingest/rows-csv';

const refs = new CellListRefs();

parentPort!.on('message', async (batch: { id: number; file: string; overrides: Overrides }[]) => {
	// The long tables travel as two strings: far cheaper to pass between threads than objects.
	const results = [];
	for (const { id, file, overrides } of batch) results.push({ id, result: toReportRows(await parseFile(file, overrides), refs) });
	parentPort!.postMessage(results);
});
