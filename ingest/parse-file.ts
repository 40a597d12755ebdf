/** The Node side of parsing one input: read the file (refusing oversized ones before reading). */
import { readFileSync, statSync } from 'node:fs';
import './node-host';
import { MAX_INPUT_BYTES, TOO_LARGE, parseReport, type Overrides, type Parsed, type Rejected } from '../src/lib/ingest/parse';

export { MAX_INPUT_BYTES, parseReport, Rejection, type Overrides, type Parsed, type Rejected } from '../src/lib/ingest/parse';

/** Read one input file (refusing oversized ones before reading) and parse it. */
export async function parseFile(file: string, overrides: Overrides): Promise<Parsed | Rejected> {
	try {
		// Small files: synchronous reads are several times faster than the thread-pool round trips.
		if (statSync(file).size > MAX_INPUT_BYTES) return { status: 'rejected', reason: TOO_LARGE };
		return await parseReport(file, readFileSync(file), overrides);
	} catch (e) {
		return { status: 'rejected', reason: `无法打开文件：${(e as Error).message}` };
	}
}
