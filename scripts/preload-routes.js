#!/usr/bin/env node
/**
 * node scripts/preload-routes.js [buildDir]: after `vite build`, list the dashboard route's code in
 * the static build's index.html as modulepreload links. The app is client-side only, so SvelteKit
 * preloads just its start-up chunks; the route's own chunks (its layout, page, ECharts) were found
 * only once those had run, a second round of requests ~50–70 ms later on every load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const buildDir = process.argv[2] ?? 'build';
const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));
const app = readFileSync('.svelte-kit/generated/client-optimized/app.js', 'utf8');

// The dashboard's route in SvelteKit's route dictionary: [page, [layouts…]] ("/(app)": [3,[2]]).
const route = /"\/\(app\)":\s*\[(\d+),\s*\[([\d,\s]*)\]/.exec(app);
if (!route) {
	console.log('preload-routes: the dashboard route was not found in the route dictionary; nothing added');
	process.exit(0);
}
// The root error node (1) is loaded at start-up with the layouts.
const nodes = [1, Number(route[1]), ...route[2].split(',').filter(Boolean).map(Number)];

const files = new Set();
const css = new Set();
const visit = (key) => {
	const entry = manifest[key];
	if (!entry || files.has(entry.file)) return;
	files.add(entry.file);
	for (const c of entry.css ?? []) css.add(c);
	for (const i of entry.imports ?? []) visit(i);
};
for (const n of nodes) visit(`.svelte-kit/generated/client-optimized/nodes/${n}.js`);

const indexFile = path.join(buildDir, 'index.html');
let html = readFileSync(indexFile, 'utf8');
const links = [...html.matchAll(/<link href="([^"]*?)(_app\/[^"]+)" rel="modulepreload">/g)];
if (!links.length) {
	console.log('preload-routes: no modulepreload links in index.html to extend; nothing added');
	process.exit(0);
}
const prefix = links[0][1];
const have = new Set(links.map((m) => m[2]));
const added = [
	...[...files].filter((f) => !have.has(f)).map((f) => `<link href="${prefix}${f}" rel="modulepreload">`),
	...[...css].map((f) => `<link href="${prefix}${f}" rel="preload" as="style">`)
];
const last = links[links.length - 1];
const at = last.index + last[0].length;
html = `${html.slice(0, at)}\n\t\t${added.join('\n\t\t')}${html.slice(at)}`;
writeFileSync(indexFile, html);
console.log(`preload-routes: ${added.length} links added to ${indexFile} (route nodes ${nodes.join(', ')})`);
