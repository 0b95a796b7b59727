import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  liveStreamStatusSchema,
  type ClientToServerEvents,
  type LiveStreamStatus,
  type ServerToClientEvents,
  type TokenPair,
} from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { TcpProxy, freePort, pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { createApiApp } from '../app.factory';
import { seedDemoUsers } from '../seed-users';
import { deleteTopic, demoUser } from '../testing/api-harness';

// Issue 17 item 5: an API started while the broker is down serves HTTP at once (health.int-spec),
// and its live streams must say "degraded" to the walls until Kafka returns, then "ok" by themselves.
describe('the live streams of an API started while Kafka is unreachable', () => {
  const config = testConfig();
  const alertsTopic = uniqueName('test.alert.changed.v1');
  let pool: DbPool;
  let app: NestFastifyApplication;
  let proxy: TcpProxy | undefined;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  let brokerPort: number;

  beforeAll(async () => {
    pool = createPool(config.postgres.url, { max: 1 });
    await seedDemoUsers(pool, config);
    brokerPort = await freePort();
    // Nothing listens on the broker port yet: every connection is refused.
    const offline = { ...config, kafka: { ...config.kafka, brokers: [`127.0.0.1:${brokerPort}`] } };
    app = await createApiApp(offline, { options: { alertsTopic }, logger: ['error'] });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    socket?.disconnect();
    await app.close();
    await proxy?.cut();
    await pool.end();
    await deleteTopic(config, alertsTopic);
  });

  it('tells a connected wall `degraded` (Kafka unreachable), then `ok` once the broker answers', async () => {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoUser('wall')),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as TokenPair;

    const received: LiveStreamStatus[] = [];
    socket = io(`${url}${LIVE_NAMESPACE}`, {
      auth: { token: accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.on('live.status', (s) => received.push(liveStreamStatusSchema.parse(s)));
    await pollUntil(() => received.length > 0, 'a live.status after connecting', {
      timeoutMs: 10_000,
    });
    // Its first attempt is still failing ('alert-stream-starting') or has failed ('kafka-unreachable').
    expect(received[0]?.state).toBe('degraded');
    expect(received[0]?.reasons).toEqual([
      expect.stringMatching(/^(alert-stream-starting|kafka-unreachable)$/),
    ]);

    // The broker "returns" on the configured address (a relay to the real one).
    const [host, port] = (config.kafka.brokers[0] ?? '').split(':');
    proxy = await TcpProxy.start({ host: host ?? '127.0.0.1', port: Number(port) }, brokerPort);
    await pollUntil(() => received.at(-1)?.state === 'ok', 'live.status ok once Kafka is reachable', {
      timeoutMs: 60_000,
    });
    expect(received.at(-1)).toMatchObject({ state: 'ok', reasons: [] });
    // Told on the socket already open: no reconnection needed.
    expect(socket.connected).toBe(true);
  });
});
