import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `scripts/bootstrap.sh --browser` installs it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialing out, and this network refuses it.
// playwright gives every launch a fresh temporary profile (--user-data-dir) and deletes it on close.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Launches Debian's headless Chromium through playwright-core. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: run scripts/bootstrap.sh --browser`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, timeout: 30_000 });
  return { browser, close: () => browser.close() };
}
