import { aCameraId, aCameraRegistered, aCameraStatus, anInstant, testConfig } from '@fengqiao/testing';
import { type IngestApp } from '../ingest-app';
import { createHarness, eventually, startIngest, type IngestHarness } from '../testing/ingest-harness';

/**
 * The prober's sample (camera.status.v1 `health`) is kept in camera_state beside the camera's state;
 * heartbeats without one, in the same batch or later, move the state on and leave the sample alone.
 */
describe('stream health in the camera state', () => {
  const config = testConfig();
  const camera = aCameraId(930001, '511902');
  let h: IngestHarness;
  let app: IngestApp;

  beforeAll(async () => {
    h = await createHarness(config);
    ({ app } = await startIngest(config, h));
    await h.produce('cameraRegistered', [aCameraRegistered({ cameraId: camera })]);
    await eventually(
      async () => (await h.pool.query('SELECT 1 FROM cameras WHERE camera_id = $1', [camera])).rowCount === 1,
    );
  });
  afterAll(async () => {
    await app.stop();
    await h.stop();
  });

  it('stores the newest sample and keeps it through later heartbeats', async () => {
    const health = {
      verdict: 'frozen',
      sampleS: 5,
      fps: 25,
      bitrateKbps: 11.5,
      frozenS: 4.9,
      blackS: 0,
    } as const;
    const sampledAt = anInstant(-2000);
    // One batch: the sample, then a newer heartbeat without one.
    await h.produce('cameraStatus', [
      aCameraStatus({ cameraId: camera, occurredAt: sampledAt, source: 'media', health }),
      aCameraStatus({ cameraId: camera, occurredAt: anInstant(-1000), source: 'media' }),
    ]);
    const read = async () =>
      (
        await h.pool.query<{ health: unknown; health_at: Date | null; seen_at: Date }>(
          'SELECT health, health_at, seen_at FROM camera_state WHERE camera_id = $1',
          [camera],
        )
      ).rows[0];
    await eventually(async () => (await read())?.health !== null && (await read()) !== undefined);
    const first = await read();
    expect(first?.health).toEqual(health);
    expect(first?.health_at?.toISOString()).toBe(sampledAt);
    expect(first?.seen_at.getTime()).toBeGreaterThan(Date.parse(sampledAt));
    // A later heartbeat alone (stored, its state within the last-seen resolution) leaves the sample.
    const later = aCameraStatus({ cameraId: camera, occurredAt: anInstant(), source: 'media' });
    await h.produce('cameraStatus', [later]);
    await eventually(
      async () =>
        (await h.pool.query('SELECT 1 FROM camera_status_events WHERE event_id = $1', [later.eventId]))
          .rowCount === 1,
    );
    expect((await read())?.health).toEqual(health);
  });
});
