/** Worker thread: read and parse input files sent by the pool (see parse-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { parseFile, type Overrides } from './parse';

parentPort!.on('message', async (msg: { id: number; file: string; overrides: Overrides }) => {
	const result = await parseFile(msg.file, msg.overrides);
	// One string crosses threads far cheaper than hundreds of small objects.
	parentPort!.postMessage({ id: msg.id, json: JSON.stringify(result) });
});
