/** The one way this project launches Chromium (Debian's, since browsers cannot be downloaded here). */
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunch: LaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
};
