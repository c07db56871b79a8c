/** Debian's Chromium under playwright-core for the browser tests, and where their screenshots go. */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
export const SCREENSHOTS = fileURLToPath(
	new URL('../../test-results/screenshots/', import.meta.url),
);

/** Launches Chromium, or throws saying how to install it. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM_PATH}: the browser tests need it. Install it with ` +
				'`apt-get update && apt-get install -y chromium` (README, "Management page").',
		);
	}
	mkdirSync(SCREENSHOTS, { recursive: true });
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
