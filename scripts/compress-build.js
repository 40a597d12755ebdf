#!/usr/bin/env node
/** Precompress the build's text and wasm files (.br and .gz beside each) for scripts/serve.js. */
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? 'build';
let before = 0;
let after = 0;
function walk(dir) {
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p);
		else if (/\.(wasm|js|css|html|json|svg)$/.test(e.name) && statSync(p).size > 1024) {
			const data = readFileSync(p);
			const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
			writeFileSync(`${p}.br`, br);
			writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
			before += data.length;
			after += br.length;
		}
	}
}
const t0 = Date.now();
walk(root);
console.log(`compressed ${root}: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB brotli (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
