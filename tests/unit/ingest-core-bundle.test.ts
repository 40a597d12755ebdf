/**
 * The ingest core (src/lib/ingest) runs anywhere: it bundles for a browser worker with no Node
 * module, and its sources use no Buffer. The Node shell (ingest/) supplies what only Node has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CORE = 'src/lib/ingest';

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('the ingest core', () => {
	it('bundles for the browser without any Node built-in', async () => {
		const result = await build({
			entryPoints: [path.join(CORE, 'parse.ts'), path.join(CORE, 'agency-links.ts'), path.join(CORE, 'agency-regions.ts'), path.join(CORE, 'copies.ts')],
			bundle: true,
			write: false,
			platform: 'browser',
			format: 'esm',
			outdir: 'out',
			logLevel: 'silent'
		});
		expect(result.errors).toEqual([]);
		const code = result.outputFiles.map((f) => f.text).join('\n');
		expect(code).not.toMatch(/from\s*["']node:|require\(["'](fs|path|crypto|module|url|worker_threads)["']\)/);
	});

	it('uses no Node API in its own sources', () => {
		for (const file of sources(CORE)) {
			const text = readFileSync(file, 'utf8');
			expect(text, file).not.toMatch(/from ['"]node:|\bBuffer\.|\bprocess\.|createRequire/);
		}
	});

	it('nothing under src/ imports the Node shell or the generator', () => {
		for (const file of sources('src')) {
			expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](\.\.\/)+(ingest|generator)\//);
		}
	});
});
