import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4191);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	retries: process.env.CI ? 1 : 0,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: chromiumLaunch
	},
	webServer: [
		{
			// The built app on small fixture data (tests/fixtures/dataset), served like `npm start` serves it.
			command: `node scripts/serve.js --port ${PORT} --data tests/fixtures/dataset`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// The default layout npm run dataset writes: real 平潭 reports first, the picker's catalogue.
			command: `node scripts/serve.js --port ${PORT + 6} --data tests/fixtures/dataset/default`,
			url: `http://127.0.0.1:${PORT + 6}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// The same app built for a sub-path (BASE_PATH=/reports, into build-sub).
			command: `node scripts/serve.js --port ${PORT + 3} --build build-sub --base /reports --data tests/fixtures/dataset`,
			url: `http://127.0.0.1:${PORT + 3}/reports/`,
			reuseExistingServer: false,
			timeout: 60_000
		}
	]
});
