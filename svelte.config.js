import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Client-side only static build. BASE_PATH (e.g. /reports) serves the app under a sub-path. */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: 'index.html', strict: false }),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		alias: { $schema: 'src/lib/schema' },
		// Strict CSP, shipped as a meta tag: only our own scripts (inline bootstrap by hash), wasm
		// compilation for DuckDB and parquet-wasm, workers from self/blob, no plugins.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// ?data= may name a dataset folder on another server, intranets included (http:).
				'connect-src': ['self', 'https:', 'http:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};
export default config;
