import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../generator/corpus';

async function digest(seed: number) {
	const { documents } = generateCorpus({ seed, maxAgencies: 12 });
	const h = createHash('sha256');
	const forms = new Set<string>();
	for (const d of documents) {
		h.update(d.path);
		h.update(await d.bytes());
		forms.add(d.form);
	}
	return { hash: h.digest('hex'), forms, count: documents.length };
}

describe('generator determinism', () => {
	it('the same seed gives byte-identical documents; another seed gives others', async () => {
		const a = await digest(7);
		const b = await digest(7);
		const c = await digest(8);
		expect(a.forms).toEqual(new Set(['text', 'html', 'html-gbk', 'docx']));
		expect(b.hash).toBe(a.hash);
		expect(c.hash).not.toBe(a.hash);
	});
});
