import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchChromium } from '@fengqiao/testing';
import { playToken } from '../../apps/media/src/testing/media-harness';
import { type VideoBenchEnv, startVite } from './bench-env';
import { quantile } from './proc-cpu';

export interface LatencyFigures {
  readonly samples: number;
  readonly p50: number;
  readonly p90: number;
  readonly max: number;
}

/**
 * Glass-to-glass latency of a VideoTile in headless Chromium: the camera burns its capture time into
 * the picture as a binary timecode, the page reads it back from the frame on screen (canvas) and
 * subtracts it from its clock. Same machine, same clock: no skew.
 */
export async function measureTileLatency(
  env: VideoBenchEnv,
  cameraId: string,
  seconds: number,
  mode: 'hls' | 'flv',
): Promise<LatencyFigures> {
  const vite = await startVite(env.config.repoRoot);
  const chromium = await launchChromium();
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 700, height: 420 } });
    const token = encodeURIComponent(playToken(env.config, cameraId, 3600));
    const hls = `http://127.0.0.1:${env.ports.http}/hls/${cameraId}/index.m3u8?token=${token}`;
    const flv = `http://127.0.0.1:${env.ports.http}/flv/${cameraId}.flv?token=${token}`;
    const query = new URLSearchParams({ camera: cameraId, hls, ...(mode === 'flv' ? { flv } : {}) });
    await page.goto(`${vite.url}/src/video/harness/index.html?${query.toString()}`);
    await page.locator('[data-state="playing"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000); // settle at the live sync point
    const samples: number[] = [];
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      // The harness page exposes its timecode reader as a global (see apps/dashboard/src/video/harness).
      const ms = await page.evaluate<number | null>('window.fqLatencyMs()');
      // A garbled read (compression smearing a square) shows up as an absurd value: dropped.
      if (ms !== null && ms < 60_000) samples.push(ms);
      await page.waitForTimeout(250);
    }
    // For a person to check the reader: the picture, with the time it was taken and what was read.
    const shotAt = new Date();
    const shot = join(
      env.config.stack.home,
      'test-results',
      'screenshots',
      `video-latency-check-${mode}.png`,
    );
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    const read = await page.evaluate<number | null>('window.fqLatencyMs()');
    process.stderr.write(
      `${shot} taken at ${shotAt.toISOString()}: the timecode said ${read ?? '?'} ms old\n`,
    );
    samples.sort((a, b) => a - b);
    return {
      samples: samples.length,
      p50: quantile(samples, 0.5),
      p90: quantile(samples, 0.9),
      max: samples.at(-1) ?? Number.NaN,
    };
  } finally {
    await chromium.close();
    await vite.process.stop();
  }
}
