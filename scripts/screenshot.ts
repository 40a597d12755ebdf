/** Dev aid: node/tsx scripts/screenshot.ts URL OUT.png [width] [height] — a Chromium screenshot. */
import { chromiumLaunch } from './lib/chromium';
import { chromium } from '@playwright/test';

const [url, out, w = '1440', h = '900'] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunch);
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
const t0 = Date.now();
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(Number(process.env.WAIT ?? 500));
console.log(`loaded in ${Date.now() - t0} ms`);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
