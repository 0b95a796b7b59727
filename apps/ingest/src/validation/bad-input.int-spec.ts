import fc from 'fast-check';
import { topicHighWater } from '@fengqiao/kafka';
import { aCameraId, aCameraRegistered, aCameraStatus, aCaseReported, testConfig } from '@fengqiao/testing';
import { type IngestApp } from '../ingest-app';
import { type TopicKind } from '../ingest-topics';
import { badInputs, unknownCameraInputs, type BadInput } from '../testing/bad-inputs';
import { demoSignedHeaders } from '@fengqiao/source-auth';
import { validateEvent } from './event-validator';
import { parseJsonSafely } from './safe-json';
import { createHarness, eventually, startIngest, type IngestHarness } from '../testing/ingest-harness';

// Every bad message ends in its dead-letter topic with the expected code (through Kafka) or a 4xx
// with the same code (through HTTP); valid neighbours sent between them are stored; nothing stalls.
describe('bad input', () => {
  const config = testConfig();
  const camera = aCameraId(920001, '511902');
  let h: IngestHarness;
  let app: IngestApp;
  let url: string;

  beforeAll(async () => {
    h = await createHarness(config);
    ({ app, url } = await startIngest(config, h));
    await h.produce('cameraRegistered', [aCameraRegistered({ cameraId: camera })]);
    await eventually(
      async () => (await h.pool.query('SELECT 1 FROM cameras WHERE camera_id = $1', [camera])).rowCount === 1,
    );
  });
  afterAll(async () => {
    await app.stop();
    await h.stop();
  });

  it('dead-letters every curated and generated bad message with its code; valid neighbours are stored', async () => {
    const curated = [...badInputs(camera), ...unknownCameraInputs()];
    const generated = fc.sample(
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b)),
        fc.json().filter((s) => s !== '""'),
        fc.string({ minLength: 1, maxLength: 200 }),
      ),
      { numRuns: 150, seed: 20261127 },
    );
    const neighbours = Array.from({ length: 20 }, () => aCameraStatus({ cameraId: camera }));
    const byKind = new Map<TopicKind, unknown[]>();
    const add = (kind: TopicKind, v: unknown): number =>
      byKind.set(kind, [...(byKind.get(kind) ?? []), v]).size;
    curated.forEach((c, i) => {
      add(c.kind, c.value);
      if (i % 3 === 0) add('cameraStatus', neighbours[(i / 3) % neighbours.length]);
    });
    generated.forEach((g) => add('cameraAnalytics', g));
    for (const [kind, values] of byKind) await h.produce(kind, values);

    for (const kind of ['case', 'cameraRegistered', 'cameraStatus', 'cameraAnalytics'] as const) {
      const expected = curated.filter((c) => c.kind === kind);
      const extra = kind === 'cameraAnalytics' ? generated.length : 0;
      const letters = await h.readDeadLetters(kind, expected.length + extra, 40_000);
      expect(letters.every((l) => l.reason.length > 0 && l.sourceTopic === h.topics.byKind[kind])).toBe(true);
      expect(codes(letters.slice(0, expected.length + extra))).toEqual(
        codes([...expected, ...(kind === 'cameraAnalytics' ? generated.map(expectedCode) : [])]),
      );
    }
    const ids = neighbours.map((n) => n.eventId);
    await eventually(async () => {
      const res = await h.pool.query('SELECT 1 FROM camera_status_events WHERE event_id = ANY($1::uuid[])', [
        ids,
      ]);
      return res.rowCount === ids.length;
    });
  });

  it('dead-letters a burst larger than a broker batch and a payload near the size limit, and keeps going', async () => {
    // 300 × 6 KB of non-JSON: 1.8 MB of dead letters, more than one produce request may carry.
    const burst = Array.from({ length: 300 }, (_, i) => Buffer.alloc(6000, 65 + (i % 26)));
    // Close to the broker's 1 MiB: the original fits the input topic, not with the envelope added.
    const huge = Buffer.alloc(1_040_000, 120);
    // Topics of its own, so the count does not depend on which tests ran before.
    const own = await createHarness(config);
    const ingest = await startIngest(config, own);
    try {
      await own.produce('case', [...burst, huge]);
      // kafkajs retries a whole multi-partition send when one partition's leader moved (seen on a
      // freshly started broker), so the input may hold a few burst messages twice: one dead letter
      // per input record is the contract, so count the records really in the topic.
      const records = await topicHighWater(own.kafka, own.topics.byKind.case);
      expect(records).toBeGreaterThanOrEqual(301);
      const ours = await own.readDeadLetters('case', records, 90_000);
      expect(codes(ours)).toEqual({ NOT_JSON: records - 1, OVERSIZED: 1 });
      // Exactly one dead letter per source record: no coordinate twice.
      expect(new Set(ours.map((l) => `${l.sourcePartition}/${l.sourceOffset}`)).size).toBe(records);
      // Source partitions interleave in the dead-letter topic: compare as sets.
      const whole = ours.filter((l) => l.truncatedFrom === '');
      const cut = ours.filter((l) => l.truncatedFrom !== '');
      expect(whole.map((l) => l.value?.length)).toEqual(Array(records - 1).fill(6000));
      expect(cut.map((l) => [l.truncatedFrom, l.value?.length])).toEqual([[String(huge.length), 64 * 1024]]);
      // Still consuming: a valid case after them is stored.
      const event = aCaseReported();
      await own.produce('case', [event]);
      await eventually(
        async () =>
          (await own.pool.query('SELECT 1 FROM case_events WHERE event_id = $1', [event.eventId]))
            .rowCount === 1,
      );
    } finally {
      await ingest.app.stop();
      await own.stop();
    }
  }, 150_000);

  it.each(badInputs(camera).map((c) => [c.title, c] as const))('HTTP refuses %s', async (_t, c) => {
    const res = await post(url, c);
    const body = (await res.json()) as { error?: { code?: string; reason?: string } };
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(body.error?.code).toBe(c.code);
    expect(body.error?.reason).toBeTruthy();
  });

  it('HTTP refuses generated garbage with a 4xx, never a 5xx or a 202', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string({ maxLength: 300 })), async (body) => {
        const res = await post(url, { kind: 'case', value: body, code: 'NOT_JSON', title: '' });
        expect([400, 413]).toContain(res.status);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('HTTP accepts a valid case with 202 and its event id, and it reaches the database', async () => {
    const event = aCaseReported();
    const res = await post(url, { kind: 'case', value: JSON.stringify(event), code: 'NOT_JSON', title: '' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ eventId: event.eventId });
    await eventually(
      async () =>
        (await h.pool.query('SELECT 1 FROM case_events WHERE event_id = $1', [event.eventId])).rowCount === 1,
    );
  });
});

function post(url: string, c: BadInput): Promise<Response> {
  const path = c.kind === 'case' ? '/v1/intake/case-events' : '/v1/intake/camera-events';
  const body = typeof c.value === 'string' ? Buffer.from(c.value, 'utf8') : c.value;
  return fetch(`${url}${path}`, {
    method: 'POST',
    // The test producer signs as the demo source (the intake refuses unsigned requests).
    headers: { 'content-type': 'application/json', ...demoSignedHeaders(path, body) },
    body: new Uint8Array(body),
  });
}

/** Generated inputs: the validator decides the code (its unit spec pins the curated ones). */
function expectedCode(input: string | Buffer): { code: string } {
  const limits = { ...testConfig().tuning.ingest, city: testConfig().city.code };
  const parsed = parseJsonSafely(Buffer.isBuffer(input) ? input : Buffer.from(input), limits);
  const checked = parsed.ok ? validateEvent('cameraAnalytics', parsed.value, Date.now(), limits) : parsed;
  return { code: checked.ok ? 'ACCEPTED' : checked.rejection.code };
}

function codes(items: readonly { code: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { code } of items) out[code] = (out[code] ?? 0) + 1;
  return out;
}
