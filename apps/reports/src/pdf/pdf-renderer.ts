import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const firstLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

/** Debian's Chromium (scripts/bootstrap.sh --browser; deploy/reports.Dockerfile installs it too). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// The same flags as libs/testing/src/browser.ts: without the background-networking ones Chromium
// keeps dialing out, and the networks this runs on refuse it.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A PDF, or why there is none: a report without Chromium is stored as HTML only, never failed. */
export type PdfResult =
  { readonly pdf: Buffer; readonly reason: null } | { readonly pdf: null; readonly reason: string };

/**
 * HTML → PDF through headless Chromium. One browser serves many reports (launching costs ~1 s);
 * each report gets its own page, closed after use.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath: string = CHROMIUM_PATH) {}

  async render(html: string): Promise<PdfResult> {
    if (!existsSync(this.executablePath)) {
      return { pdf: null, reason: `Chromium 未安装（${this.executablePath}），仅提供 HTML` };
    }
    try {
      return { pdf: await this.print(html), reason: null };
    } catch (err) {
      // A crashed or unstartable browser is relaunched for the next report.
      await this.close().catch(() => undefined);
      return { pdf: null, reason: `PDF 生成失败，仅提供 HTML：${firstLine(err)}` };
    }
  }

  private async print(html: string): Promise<Buffer> {
    const page = await (await this.launch()).newPage();
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending !== null) await (await pending).close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({ executablePath: this.executablePath, args: FLAGS, timeout: 30_000 });
    return this.browser;
  }
}
