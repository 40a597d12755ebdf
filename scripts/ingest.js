#!/usr/bin/env node
/**
 * npm run ingest: the ingest CLI (ingest/cli.ts) bundled with esbuild and run by plain Node, which
 * starts faster than compiling each TypeScript module on the fly. The bundle and its parse worker
 * live in node_modules/.cache so that package imports resolve from the project. A bundle is kept
 * while none of its source files (the packages bundled in too) changed: bundling costs ~0.12 s a
 * run, checking them ~5 ms.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INGEST_BUNDLE_EXTERNALS } from './lib/ingest-bundle-externals.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = path.join(root, 'node_modules', '.cache', 'ingest');
const pointer = path.join(cache, 'current.json');

/** Each source file the bundle was built from, with its size and time of change then. */
const stamp = (file) => {
	const s = statSync(path.join(root, file), { throwIfNoEntry: false });
	return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

function cachedBundle() {
	try {
		const { dir, inputs } = JSON.parse(readFileSync(pointer, 'utf8'));
		const bundle = path.join(cache, dir);
		if (!existsSync(path.join(bundle, 'cli.mjs')) || !existsSync(path.join(bundle, 'parse-worker.mjs'))) return undefined;
		return Object.entries(inputs).every(([file, was]) => stamp(file) === was) ? bundle : undefined;
	} catch {
		return undefined;
	}
}

async function build() {
	// Loaded only to build: ~40 ms a run otherwise.
	const { buildSync } = await import('esbuild');
	mkdirSync(cache, { recursive: true });
	// A fresh folder per build, never rewritten: another run may be loading the previous one.
	const dir = `bundle-${process.pid}-${Date.now()}`;
	const outdir = path.join(cache, dir);
	const { metafile } = buildSync({
		absWorkingDir: root,
		entryPoints: { cli: 'ingest/cli.ts', 'parse-worker': 'ingest/parse-worker.ts' },
		outdir,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		// Modules the CLI imports only when needed (the parser, when one thread parses; the layout
		// writer) become chunks of their own, loaded then, not at every start.
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		external: INGEST_BUNDLE_EXTERNALS,
		metafile: true,
		logLevel: 'error'
	});
	// This script and its list of externals shape the bundle too.
	const inputs = Object.fromEntries([...Object.keys(metafile.inputs), 'scripts/ingest.js', 'scripts/lib/ingest-bundle-externals.js'].map((file) => [file, stamp(file)]));
	const tmp = `${pointer}.${process.pid}`;
	writeFileSync(tmp, JSON.stringify({ dir, inputs }));
	renameSync(tmp, pointer);
	// Bundles replaced more than an hour ago: no run started then is still loading them.
	for (const old of readdirSync(cache)) {
		if (old === dir || (!old.startsWith('bundle-') && !old.startsWith('cli-'))) continue;
		const s = statSync(path.join(cache, old), { throwIfNoEntry: false });
		if (s && Date.now() - s.mtimeMs > 3600_000) rmSync(path.join(cache, old), { recursive: true, force: true });
	}
	return outdir;
}

const bundle = cachedBundle() ?? (await build());
await import(pathToFileURL(path.join(bundle, 'cli.mjs')).href);
