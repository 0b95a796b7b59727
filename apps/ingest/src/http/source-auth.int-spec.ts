import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeErrorBodySchema } from '@fengqiao/contracts';
import { topicHighWater } from '@fengqiao/kafka';
import { signedHeaders } from '@fengqiao/source-auth';
import { aCameraAnalytics, aCameraId, aCameraStatus, aCaseReported, testConfig } from '@fengqiao/testing';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';

const config = testConfig();
const K1 = 'county-a-key-1-0123456789abcdef0123456789';
const K2 = 'county-a-key-2-0123456789abcdef0123456789';
const HOOK_KEY = 'zlm-hook-key-0123456789abcdef0123456789';
const CAMERA_PATH = '/v1/intake/camera-events';
const CASE_PATH = '/v1/intake/case-events';

const registryFile = (keys: { id: string; secret: string }[]): string =>
  JSON.stringify({
    sources: [
      { id: 'county-a', keys, kinds: ['camera.status', 'case'], regions: ['511902'] },
      {
        id: 'zlm-1',
        auth: 'key',
        keys: [{ id: 'h1', secret: HOOK_KEY }],
        kinds: ['camera.status'],
        regions: ['*'],
      },
    ],
  });

/**
 * The HTTP intake on the real Kafka: every refusal code of a source's credential and scope, counted
 * in /metrics, nothing of a refused request on the topic; a key rotation without a refused request;
 * ZLMediaKit and node-media-server hooks as camera status.
 */
describe('signed sources at the HTTP intake', () => {
  let h: IngestHarness;
  let app: IngestApp;
  let url: string;
  let registryPath: string;
  const statusTopic = (): string => h.topics.byKind.cameraStatus;

  const post = (path: string, body: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (path: string, body: string, secret = K1, atMs = Date.now(), id = 'county-a') =>
    signedHeaders({ id, secret }, path, Buffer.from(body), atMs);
  const refusedCount = async (code: string): Promise<number> => {
    const text = await (await fetch(`${url}/metrics?name=fq_intake_refused_total`)).text();
    return [...text.matchAll(new RegExp(`^fq_intake_refused_total\\{code="${code}",[^}]*\\} (\\d+)`, 'gm'))]
      .map((m) => Number(m[1]))
      .reduce((a, b) => a + b, 0);
  };
  const expectRefused = async (res: Response, status: number, code: string): Promise<void> => {
    expect(res.status).toBe(status);
    expect(intakeErrorBodySchema.parse(await res.json()).error.code).toBe(code);
  };

  beforeAll(async () => {
    h = await createHarness(config);
    registryPath = join(mkdtempSync(join(tmpdir(), 'fq-sources-')), 'sources.json');
    writeFileSync(registryPath, registryFile([{ id: 'k1', secret: K1 }]));
    app = createIngestApp(config, {
      groupId: h.groupId,
      topicSuffix: h.suffix,
      port: 0,
      sourcesPath: registryPath,
    });
    ({ url } = await app.start());
  });
  afterAll(async () => {
    await app?.stop();
    await h?.stop();
  });

  it('accepts a signed status of its county (202) and refuses each bad credential with its code, counted', async () => {
    const before = await topicHighWater(h.kafka, statusTopic());
    const ok = JSON.stringify(aCameraStatus());
    const okHeaders = signed(CAMERA_PATH, ok);
    const accepted = await post(CAMERA_PATH, ok, okHeaders);
    expect(accepted.status).toBe(202);

    const cases: [string, () => Promise<Response>, number, string][] = [
      ['unsigned', () => post(CAMERA_PATH, JSON.stringify(aCameraStatus()), {}), 401, 'UNSIGNED'],
      [
        'unknown source',
        () => {
          const b = JSON.stringify(aCameraStatus());
          return post(CAMERA_PATH, b, signed(CAMERA_PATH, b, K1, Date.now(), 'county-zz'));
        },
        401,
        'UNKNOWN_SOURCE',
      ],
      [
        'wrong key',
        () => {
          const b = JSON.stringify(aCameraStatus());
          return post(CAMERA_PATH, b, signed(CAMERA_PATH, b, K2));
        },
        401,
        'BAD_SIGNATURE',
      ],
      [
        'body changed after signing',
        () => {
          const b = JSON.stringify(aCameraStatus());
          return post(CAMERA_PATH, b.replace('"online":true', '"online":false'), signed(CAMERA_PATH, b));
        },
        401,
        'BAD_SIGNATURE',
      ],
      [
        'a timestamp ten minutes old',
        () => {
          const b = JSON.stringify(aCameraStatus());
          return post(CAMERA_PATH, b, signed(CAMERA_PATH, b, K1, Date.now() - 600_000));
        },
        401,
        'STALE_TIMESTAMP',
      ],
      ['the accepted request again', () => post(CAMERA_PATH, ok, okHeaders), 409, 'REPLAYED'],
      [
        'an event kind it may not send',
        () => {
          const b = JSON.stringify(aCameraAnalytics());
          return post(CAMERA_PATH, b, signed(CAMERA_PATH, b));
        },
        403,
        'OUT_OF_SCOPE',
      ],
      [
        'a camera of another county',
        () => {
          const b = JSON.stringify(aCameraStatus({ cameraId: aCameraId(7, '511921') }));
          return post(CAMERA_PATH, b, signed(CAMERA_PATH, b));
        },
        403,
        'OUT_OF_SCOPE',
      ],
    ];
    for (const [what, send, status, code] of cases) {
      const counted = await refusedCount(code);
      const res = await send();
      await expectRefused(res, status, code);
      expect({ what, counted: await refusedCount(code) }).toEqual({ what, counted: counted + 1 });
    }
    // A case of its county passes; a case of another county does not.
    const ownCase = JSON.stringify(aCaseReported());
    expect((await post(CASE_PATH, ownCase, signed(CASE_PATH, ownCase))).status).toBe(202);
    const otherCase = JSON.stringify(aCaseReported({ region: { county: '511922', township: '511922001' } }));
    await expectRefused(await post(CASE_PATH, otherCase, signed(CASE_PATH, otherCase)), 403, 'OUT_OF_SCOPE');
    // Exactly the one accepted status reached the topic.
    expect(await topicHighWater(h.kafka, statusTopic())).toBe(before + 1);
  });

  it('rotates a key without one refused request: both keys while two are listed, then only the new', async () => {
    const send = async (secret: string): Promise<number> => {
      const b = JSON.stringify(aCameraStatus());
      return (await post(CAMERA_PATH, b, signed(CAMERA_PATH, b, secret))).status;
    };
    const during: number[] = [];
    writeFileSync(
      registryPath,
      registryFile([
        { id: 'k1', secret: K1 },
        { id: 'k2', secret: K2 },
      ]),
    );
    // Old-key traffic keeps flowing while the ingest picks up the new file.
    await eventually(
      async () => {
        during.push(await send(K1));
        return (await send(K2)) === 202;
      },
      5 * config.tuning.ingest.sourceRegistryPollMs,
      'the second key accepted',
    );
    expect(during.every((s) => s === 202)).toBe(true);
    writeFileSync(registryPath, registryFile([{ id: 'k2', secret: K2 }]));
    await eventually(
      async () => (await send(K1)) === 401,
      5 * config.tuning.ingest.sourceRegistryPollMs,
      'the old key retired',
    );
    expect(await send(K2)).toBe(202);
    const keys = await (await fetch(`${url}/metrics?name=fq_intake_source_key_used_total`)).text();
    expect(keys).toMatch(/source="county-a",key="k1"\} [1-9]/);
    expect(keys).toMatch(/source="county-a",key="k2"\} [1-9]/);
  });

  it('takes ZLMediaKit and node-media-server hooks with the key in the hook URL as camera status', async () => {
    const camera = aCameraId(41);
    const hook = (
      path: string,
      body: unknown,
      key = HOOK_KEY,
      type = 'application/json',
    ): Promise<Response> =>
      fetch(`${url}${path}?source=zlm-1&key=${encodeURIComponent(key)}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify(body),
      });
    const before = await topicHighWater(h.kafka, statusTopic());
    const changed = await hook('/v1/hooks/zlmediakit/on_stream_changed', {
      regist: true,
      app: 'live',
      schema: 'rtsp',
      stream: camera,
      vhost: '__defaultVhost__',
      mediaServerId: 'zlm-test',
      tracks: [{ codec_type: 0, codec_id_name: 'CodecH264', fps: 25 }],
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ code: 0, msg: 'success' });
    const noReader = await hook('/v1/hooks/zlmediakit/on_stream_none_reader', {
      app: 'live',
      schema: 'rtsp',
      stream: camera,
      mediaServerId: 'zlm-test',
    });
    expect(await noReader.json()).toEqual({ code: 0, close: false });
    const keepalive = await hook('/v1/hooks/zlmediakit/on_server_keepalive', {
      data: {},
      mediaServerId: 'zlm-test',
    });
    expect(keepalive.status).toBe(200);
    // node-media-server posts its JSON as text/plain.
    const nms = await hook(
      '/v1/hooks/node-media-server',
      { action: 'donePublish', id: 'x', app: 'live', name: camera, protocol: 'rtmp' },
      HOOK_KEY,
      'text/plain;charset=UTF-8',
    );
    expect(nms.status).toBe(200);
    await expectRefused(
      await hook('/v1/hooks/zlmediakit/on_stream_changed', { regist: false }, 'not-the-key'),
      401,
      'BAD_SIGNATURE',
    );
    // Two statuses: the stream registered (online) and node-media-server's donePublish (offline).
    await eventually(async () => (await topicHighWater(h.kafka, statusTopic())) === before + 2, 10_000);
  });
});
