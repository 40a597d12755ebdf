import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Client-side only static build. BASE_PATH (e.g. /reports) serves the app under a sub-path. */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: false }),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		alias: { $schema: 'src/lib/schema' }
	}
};
export default config;
