/** Worker thread: read and parse input files sent by the pool (see parse-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file';
import type { Overrides } from '../src/lib/ingest/parse';
import { CellListRefs, encodeReportRows, toReportRows } from '../src/lib/ingest/rows-csv';

const refs = new CellListRefs();

parentPort!.on('message', async (batch: { id: number; file: string; overrides: Overrides }[]) => {
	// The long tables travel as CSV in UTF-8, their buffers moved, not copied: no objects to clone,
	// and the main thread writes them as they are (as text they cost it ~0.2 s of copying and collecting).
	const results = [];
	const transfer: ArrayBuffer[] = [];
	for (const { id, file, overrides } of batch) {
		const rows = toReportRows(await parseFile(file, overrides), refs);
		if (rows.status !== 'ok') results.push({ id, result: rows });
		else {
			const encoded = encodeReportRows(rows);
			transfer.push(encoded.figuresCsv.buffer as ArrayBuffer, encoded.checksCsv.buffer as ArrayBuffer);
			results.push({ id, result: encoded });
		}
	}
	parentPort!.postMessage(results, transfer);
});
