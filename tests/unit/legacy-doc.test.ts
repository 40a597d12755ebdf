/**
 * Legacy Word (.doc): read in Node (word-extractor, provided by ingest/node-host.ts); the core alone,
 * as the browser import runs it, refuses it with what to do instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/ingest/parse';

const DOC = 'tests/fixtures/real-printed/pingtan-2023.office.doc';

describe('a legacy .doc without a host that can read it (the browser import)', () => {
	it('is refused with the reason and what to do', async () => {
		const result = await parseReport('report.doc', new Uint8Array(readFileSync(DOC)));
		expect(result.status).toBe('rejected');
		if (result.status === 'rejected') expect(result.reason).toMatch(/npm run ingest.*\.docx/);
	});

	it('a file named .doc that is not one says so', async () => {
		const result = await parseReport('report.doc', new TextEncoder().encode('二、主动公开政府信息情况'));
		expect(result.status).toBe('rejected');
		if (result.status === 'rejected') expect(result.reason).toContain('不是旧版 Word 文档');
	});
});
