import { launchChromium } from '@fengqiao/testing';

/** A full-page PNG of a report as Chromium shows it (to look at: charts, Chinese text, layout). */
export async function screenshotHtml(html: string, path: string): Promise<void> {
  const launched = await launchChromium();
  const browser = launched.browser;
  try {
    const page = await browser.newPage({ viewport: { width: 820, height: 1200 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path, fullPage: true });
  } finally {
    await launched.close();
  }
}
