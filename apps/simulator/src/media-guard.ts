import { type DbPool } from '@fengqiao/db';
import { mediaReportedCameras } from './media-cameras.repository';
import { type SimRunner } from './sim-runner';

/** How often the list of media-reported cameras is read again. */
export const MEDIA_REFRESH_MS = 60_000;

export interface MediaGuard {
  /** Reads the list now (the loop calls it every refresh period). */
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * Keeps `runner.mediaCameras` = the cameras the media service reported within `windowS`, so the
 * simulator never overwrites a real stream's state. The database being away keeps the last list.
 */
export function startMediaGuard(
  pool: DbPool,
  runner: SimRunner,
  opts: { windowS: number; clock: () => number; log: (line: string) => void; refreshMs?: number },
): MediaGuard {
  const refresh = async (): Promise<void> => {
    try {
      const before = runner.mediaCameras.size;
      runner.mediaCameras = await mediaReportedCameras(pool, new Date(opts.clock()), opts.windowS);
      if (runner.mediaCameras.size !== before)
        opts.log(`simulator: ${runner.mediaCameras.size} camera(s) left to the media service`);
    } catch (err) {
      opts.log(`simulator: media-reported cameras not read: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(() => void refresh(), opts.refreshMs ?? MEDIA_REFRESH_MS);
  timer.unref();
  return { refresh, stop: () => clearInterval(timer) };
}
