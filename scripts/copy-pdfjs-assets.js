#!/usr/bin/env node
/**
 * pdf.js's character maps and standard fonts, copied into static/pdfjs/ so that the browser import
 * reads PDFs with assets from the app's own build (never a CDN). Run before `vite build` / `vite dev`.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
for (const dir of ['cmaps', 'standard_fonts']) {
	const to = path.join('static', 'pdfjs', dir);
	if (existsSync(to)) continue;
	mkdirSync(to, { recursive: true });
	cpSync(path.join(root, dir), to, { recursive: true });
}
