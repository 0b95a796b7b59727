import { stillSilentCameras, type DbPool } from '@fengqiao/db';
import { type HeardCamera, type SilenceConfirmPort } from './camera-silence.watch';

/** The shared camera_state (its owner: libs/db) decides whether a silence verdict still stands. */
export class SilenceConfirmRepository implements SilenceConfirmPort {
  constructor(private readonly pool: DbPool) {}

  stillSilent(candidates: readonly HeardCamera[]): Promise<ReadonlySet<string>> {
    return stillSilentCameras(this.pool, candidates);
  }
}
