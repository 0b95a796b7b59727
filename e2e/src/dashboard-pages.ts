import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';

/** Screenshots a person is meant to look at, committed with the docs. */
export const DOCS_SCREENSHOT_DIR = join(findRepoRoot(__dirname), 'docs', 'screenshots');
export const FULL_HD = { width: 1920, height: 1080 };
export const UHD = { width: 3840, height: 2160 };

export async function signIn(
  page: Page,
  url: string,
  next: string,
  user: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name=username]').fill(user);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${url}${next}`);
}

export async function shootDocs(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOT_DIR, name) });
}

/** No scrollbars: how far the document exceeds the viewport (0, 0 when it fits). */
export async function overflow(page: Page): Promise<{ x: number; y: number }> {
  // A string, evaluated in the page: this file is compiled without the DOM library.
  return page.evaluate<{ x: number; y: number }>(
    '({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight })',
  );
}

/** GET an API path as a user (for comparing what a page shows with what the API answers). */
export async function apiAs<T>(apiUrl: string, user: string, password: string, path: string): Promise<T> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user, password }),
  });
  if (!login.ok) throw new Error(`login as ${user}: HTTP ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Clicks across a chart canvas, row by row, until `done` (e.g. the URL changed): the way a person
 * finds a district on the map. Clicks on empty canvas do nothing, so the scan is harmless.
 */
export async function clickChartUntil(page: Page, testId: string, done: () => boolean): Promise<boolean> {
  const box = await page.getByTestId(testId).locator('canvas').first().boundingBox();
  if (box === null) return false;
  for (let y = 0.25; y <= 0.8; y += 0.1) {
    for (let x = 0.2; x <= 0.8; x += 0.1) {
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
      await page.waitForTimeout(100);
      if (done()) return true;
    }
  }
  return false;
}
