import { type Page } from 'playwright-core';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

// Not JavaScript: the sampler's names for time outside any function.
const NOT_JS = new Set(['(idle)', '(program)', '(root)']);

/**
 * The page's JavaScript by self time while `drive` runs (V8's sampling profiler over CDP, 1 ms
 * samples), to say which functions the frame work is spent in. Sampling slows the page: run it apart
 * from the frame measurement, never during it.
 */
export async function profileWhile(page: Page, drive: () => Promise<void>): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  let profile: Profile;
  try {
    await drive();
  } finally {
    profile = (await cdp.send('Profiler.stop')).profile;
    await cdp.detach();
  }
  return describeProfile(profile);
}

/** Self ms by function (name and place in the bundle), the top 12, and their share of all JS time. */
export function describeProfile(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let js = 0;
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas?.[i + 1] ?? 0; // a sample's time runs until the next sample
    if (node === undefined || NOT_JS.has(node.callFrame.functionName)) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url === '' ? '' : ` ${url.split('/').pop() ?? url}:${lineNumber + 1}:${columnNumber + 1}`;
    const key = `${functionName || '(anonymous)'}${where}`;
    self.set(key, (self.get(key) ?? 0) + us);
    js += us;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return [
    `  JavaScript and GC while profiling: ${(js / 1000).toFixed(0)} ms self time; the top functions:`,
    ...top.map(
      ([k, us]) => `    ${(us / 1000).toFixed(0).padStart(6)} ms ${((us / js) * 100).toFixed(1)} %  ${k}`,
    ),
  ].join('\n');
}
