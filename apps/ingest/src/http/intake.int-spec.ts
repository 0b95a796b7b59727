import { loadConfig } from '@fengqiao/config';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { SourceGuard, demoSignedHeaders, loadSourceRegistry } from '@fengqiao/source-auth';
import { aCameraStatus, aCaseReported } from '@fengqiao/testing';
import { ingestTopics } from '../ingest-topics';
import { freePort } from '@fengqiao/testing';
import { IngestMetrics } from '../metrics';
import { buildHttpServer } from './http-server';
import { IntakeService } from './intake.service';

// Kafka unreachable (nothing listens on the port): the intake answers 503 with a retry hint within
// its deadline instead of accepting what it cannot store.
describe('HTTP intake without Kafka', () => {
  it('answers 503 with Retry-After while the broker is unreachable, and still 400 for bad input', async () => {
    const port = await freePort(); // nothing listens there
    const kafka = createKafkaClient({
      brokers: [`127.0.0.1:${port}`],
      clientId: 'intake-test',
      log: () => undefined,
    });
    const publisher = new KafkaEventPublisher(kafka);
    const config = loadConfig({});
    const limits = { ...config.tuning.ingest, city: config.city.code };
    const app = buildHttpServer({
      intake: new IntakeService(ingestTopics('unreachable'), publisher, 2000, limits),
      guard: new SourceGuard(() => loadSourceRegistry(undefined, false), Date.now),
      metrics: new IngestMetrics(),
      health: { health: () => Promise.resolve({ status: 'ok', uptimeSeconds: 0, components: [] }) },
      retryAfterS: 5,
      maxMessageBytes: limits.maxMessageBytes,
    });
    try {
      const started = Date.now();
      const payload = JSON.stringify(aCaseReported());
      const res = await app.inject({
        method: 'POST',
        url: '/v1/intake/case-events',
        headers: {
          'content-type': 'application/json',
          ...demoSignedHeaders('/v1/intake/case-events', payload),
        },
        payload,
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: { code: 'KAFKA_UNAVAILABLE' } });
      expect(Date.now() - started).toBeLessThan(5000);
      const badPayload = JSON.stringify({ ...aCameraStatus(), online: 'yes' });
      const bad = await app.inject({
        method: 'POST',
        url: '/v1/intake/camera-events',
        headers: {
          'content-type': 'application/json',
          ...demoSignedHeaders('/v1/intake/camera-events', badPayload),
        },
        payload: badPayload,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        error: { code: 'SCHEMA_INVALID', reason: expect.stringMatching(/^online: /) as string },
      });
    } finally {
      await app.close();
      await publisher.disconnect().catch(() => undefined);
    }
  });
});
