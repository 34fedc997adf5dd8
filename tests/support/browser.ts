import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/**
 * Starts headless Chromium: CHROMIUM_PATH if set, else the build that `npm install` brought
 * (@sparticuz/chromium). Fails with what to do when neither starts: browser tests never skip.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath =
    process.env['CHROMIUM_PATH'] || (await import('@sparticuz/chromium')).default.executablePath();
  try {
    return await chromium.launch({
      executablePath: await executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
  } catch (error) {
    throw new Error(
      `Chromium did not start (${String(error)}).\n` +
        'Run `npm install` to get @sparticuz/chromium, or point CHROMIUM_PATH at a Chromium binary ' +
        '(e.g. `apt-get install chromium` and CHROMIUM_PATH=/usr/bin/chromium).',
    );
  }
}
