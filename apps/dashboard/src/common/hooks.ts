import { useEffect, useRef, useState } from 'react';

/** The current time, ticking every `periodMs` (age counters and freshness labels). */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => window.clearInterval(timer);
  }, [periodMs]);
  return now;
}

/** Font multiplier from the viewport height (1 at 1080 px, 2 at 2160 px), following resizes. */
export function useViewportScale(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = (): void => setH(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return Math.max(0.8, h / 1080);
}

export interface Polled<T> {
  readonly data: T | undefined;
  /** Epoch ms of the last successful load. */
  readonly fetchedAt: number | undefined;
  readonly error: string | undefined;
  readonly intervalMs: number;
}

/**
 * Loads now and every `intervalMs`; keeps the last good value when a load fails, so a panel can
 * show its data together with how old it is. `key` changes restart it.
 */
export function usePolled<T>(
  load: (signal: AbortSignal) => Promise<T>,
  intervalMs: number,
  key = '',
): Polled<T> {
  const [state, setState] = useState<Polled<T>>({
    data: undefined,
    fetchedAt: undefined,
    error: undefined,
    intervalMs,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    const run = (): void => {
      loadRef
        .current(controller.signal)
        .then((data) => setState({ data, fetchedAt: Date.now(), error: undefined, intervalMs }))
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ ...s, error: err instanceof Error ? err.message : String(err) }));
        });
    };
    run();
    const timer = window.setInterval(run, intervalMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [intervalMs, key]);
  return state;
}

/** A panel is stale when its last good load is older than three refresh periods. */
export function isStale(p: { fetchedAt: number | undefined; intervalMs: number }, now: number): boolean {
  return p.fetchedAt === undefined || now - p.fetchedAt > 3 * p.intervalMs;
}

/** "12秒" / "3分" / "2时": how long ago, compactly. */
export function shortAge(ms: number, lang: 'zh' | 'en'): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [n, unit] = s < 60 ? [s, 0] : s < 3600 ? [Math.floor(s / 60), 1] : [Math.floor(s / 3600), 2];
  const units = lang === 'en' ? ['s', 'min', 'h'] : ['秒', '分钟', '小时'];
  return `${n}${units[unit] ?? ''}`;
}
