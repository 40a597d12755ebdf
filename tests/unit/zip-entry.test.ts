/** Word files inflated natively (Node's zlib) read exactly as fflate reads them; files that are not plain go to fflate. */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { generateCorpus } from '../../generator/corpus';
import { deflatedEntry } from '../../src/lib/ingest/readers/zip-entry';
import { MAX_DOCX_ENTRIES, provideInflateRaw, readDocx } from '../../src/lib/ingest/readers/docx';
import '../../ingest/node-host';

const DOC = 'word/document.xml';
const XML = `<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>某某局2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>`;

const nodeInflate = (deflated: Uint8Array, maxOutput: number) => {
	const out = inflateRawSync(deflated, { maxOutputLength: Math.max(1, maxOutput) });
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** The result of reading with fflate alone (the native inflate refusing every file), and with the native inflate. */
function readBothWays(bytes: Uint8Array): { fflate: unknown; native: unknown; nativeCalls: number } {
	const outcome = () => {
		try {
			return readDocx(bytes);
		} catch (e) {
			return { error: (e as Error).message };
		}
	};
	provideInflateRaw(() => {
		throw new Error('refused');
	});
	const fflate = outcome();
	let nativeCalls = 0;
	provideInflateRaw((d, max) => {
		nativeCalls++;
		return nodeInflate(d, max);
	});
	const native = outcome();
	provideInflateRaw(nodeInflate);
	return { fflate, native, nativeCalls };
}

/** Offset of the central directory entry of `name` in a ZIP that fflate wrote. */
function centralEntry(zip: Uint8Array, name: string): number {
	const sig = [0x50, 0x4b, 0x01, 0x02];
	for (let at = zip.length - 46; at >= 0; at--) {
		if (sig.every((b, i) => zip[at + i] === b) && new TextDecoder().decode(zip.subarray(at + 46, at + 46 + name.length)) === name) return at;
	}
	throw new Error(`no central entry ${name}`);
}

describe('deflatedEntry', () => {
	it('finds word/document.xml in the generated Word files: the native inflate gives fflate’s bytes', async () => {
		const docs = generateCorpus({ seed: 7, maxAgencies: 8 }).documents.filter((d) => d.form === 'docx');
		expect(docs.length).toBeGreaterThan(3);
		for (const d of docs) {
			const bytes = await d.bytes();
			const entry = deflatedEntry(bytes, DOC, MAX_DOCX_ENTRIES);
			expect(entry).toBeDefined();
			const inflated = nodeInflate(entry!.data, entry!.originalSize);
			expect(inflated.length).toBe(entry!.originalSize);
			expect(Buffer.from(inflated).equals(Buffer.from(unzipSync(bytes)[DOC]))).toBe(true);
			const { fflate, native, nativeCalls } = readBothWays(bytes);
			expect(nativeCalls).toBe(1);
			expect(native).toEqual(fflate);
		}
	});

	it('answers only the plain case: stored, encrypted, cut off, not a ZIP, too many entries or no such entry are left to fflate', () => {
		const deflated = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), [DOC]: strToU8(XML) });
		expect(deflatedEntry(deflated, DOC, MAX_DOCX_ENTRIES)).toBeDefined();
		expect(deflatedEntry(zipSync({ [DOC]: strToU8(XML) }, { level: 0 }), DOC, MAX_DOCX_ENTRIES)).toBeUndefined();
		const encrypted = deflated.slice();
		encrypted[centralEntry(encrypted, DOC) + 8] |= 1;
		expect(deflatedEntry(encrypted, DOC, MAX_DOCX_ENTRIES)).toBeUndefined();
		expect(deflatedEntry(deflated.subarray(0, deflated.length - 10), DOC, MAX_DOCX_ENTRIES)).toBeUndefined();
		expect(deflatedEntry(strToU8('not a zip at all, just text'.repeat(10)), DOC, MAX_DOCX_ENTRIES)).toBeUndefined();
		expect(deflatedEntry(deflated, DOC, 1)).toBeUndefined();
		expect(deflatedEntry(deflated, 'word/other.xml', MAX_DOCX_ENTRIES)).toBeUndefined();
		expect(deflatedEntry(new Uint8Array(), DOC, MAX_DOCX_ENTRIES)).toBeUndefined();
	});

	it('a directory that lies about the inflated size is read by fflate, with fflate’s result', () => {
		const zip = zipSync({ [DOC]: strToU8(XML) });
		for (const size of [10, XML.length + 100]) {
			const lying = zip.slice();
			new DataView(lying.buffer).setUint32(centralEntry(lying, DOC) + 24, size, true);
			const { fflate, native } = readBothWays(lying);
			expect(native).toEqual(fflate);
		}
	});

	it('a damaged deflate stream is refused with fflate’s message', () => {
		const zip = zipSync({ [DOC]: strToU8(XML.repeat(20)) });
		const entry = deflatedEntry(zip, DOC, MAX_DOCX_ENTRIES)!;
		const damaged = zip.slice();
		const start = entry.data.byteOffset - zip.byteOffset;
		damaged.fill(0xff, start, start + 12);
		const { fflate, native } = readBothWays(damaged);
		expect(fflate).toMatchObject({ error: expect.stringContaining('ZIP 压缩包损坏') });
		expect(native).toEqual(fflate);
	});
});
