import { type DbPool } from '@fengqiao/db';
import { HOUR_MS as HOUR } from '@fengqiao/domain';
import {
  BASELINE_WEEKS,
  buildBaseline,
  warmUp,
  type BaselineSeries,
  type EngineContext,
  type EngineState,
} from '@fengqiao/rules';
import { type CamerasRepository } from '../persistence/cameras.repository';
import { type HistoryRepository } from '../persistence/history.repository';

interface HistoryDeps {
  readonly pool: DbPool;
  readonly history: HistoryRepository;
  readonly cameras: CamerasRepository;
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Cameras dark when we stopped are dark now, until a status report says otherwise. */
export async function rememberDarkCameras(
  deps: HistoryDeps,
  ctx: EngineContext,
  state: EngineState,
): Promise<void> {
  for (const { cameraId, since } of await deps.cameras.offline(deps.pool)) {
    const event = {
      schema: 'camera.status.v1',
      eventId: ZERO_UUID,
      occurredAt: since.toISOString(),
      cameraId,
      online: false,
    } as const;
    warmUp(ctx, state, { kind: 'camera-status', event });
  }
}

/** Per township/county and hour-of-week baselines from the last BASELINE_WEEKS of the hourly rollup. */
export async function loadBaseline(
  deps: HistoryDeps,
  now: number,
  utcOffsetMinutes: number,
): Promise<BaselineSeries[]> {
  const until = now - (now % HOUR);
  const rows = await deps.history.hourlyCounts(
    deps.pool,
    new Date(until - BASELINE_WEEKS * 7 * 24 * HOUR),
    new Date(until),
  );
  return buildBaseline(rows, { untilMs: until, weeks: BASELINE_WEEKS, utcOffsetMinutes });
}

/**
 * Replays stored events into the engine without deciding (windows, anomalies, deadlines). The same
 * events, delivered again by Kafka, are judged (the windows count an id once): whether this group
 * judged them before cannot be told from the tables, which the ingest writes.
 */
export async function replayStored(
  deps: HistoryDeps,
  ctx: EngineContext,
  state: EngineState,
  now: number,
): Promise<void> {
  const cases = await deps.history.caseEvents(
    deps.pool,
    new Date(now - 62 * 24 * HOUR),
    new Date(now - 24 * HOUR),
  );
  const detections = await deps.history.analytics(deps.pool, new Date(now - 2 * HOUR));
  for (const event of cases) warmUp(ctx, state, { kind: 'case', event });
  for (const event of detections) warmUp(ctx, state, { kind: 'camera-analytics', event });
}
