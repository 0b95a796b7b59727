// Issue 15 benchmarks (docs/benchmarks.md, "GB/T 28181"): run with
//   node -r @swc-node/register bench/gb28181/bench-gb28181.ts
// A. SIP keepalives handled per second on one core (this process is single-threaded): parse the bytes,
//    route, read the MANSCDP body (GB2312), refresh every channel of the device in the silence wheel,
//    answer 200. No network: the figure is the server's own cost per message (the UDP syscalls are
//    measured by neither side here). Nominal load: 31,000 keepalives per 60 s (one per channel).
// B. The silence sweep at 31,000 cameras: per-sweep cost with keepalives arriving, and when all expire.
import { type FengqiaoConfig, loadConfig } from '@fengqiao/config';
import { SilenceTracker } from '@fengqiao/domain';
import { CatalogCollector, parseSipMessage, type CatalogItem } from '@fengqiao/gb28181';
import { ChannelState } from '../../apps/gb28181/src/channel-state';
import { DeviceDirectory } from '../../apps/gb28181/src/device-directory';
import { DeviceQueries } from '../../apps/gb28181/src/device-queries';
import { EventOutbox } from '../../apps/gb28181/src/event-outbox';
import { type GbContext } from '../../apps/gb28181/src/gb-context';
import { GbMetrics } from '../../apps/gb28181/src/gb-metrics';
import { MessageHandler } from '../../apps/gb28181/src/message-handler';
import { MediaReceivers } from '../../apps/gb28181/src/media/media-receivers';
import { playSettingsOf } from '../../apps/gb28181/src/play-session';
import { PlaySessions } from '../../apps/gb28181/src/play-sessions';
import { RegisterHandler } from '../../apps/gb28181/src/register-handler';
import { Registrations } from '../../apps/gb28181/src/registrations';
import { SipRouter } from '../../apps/gb28181/src/sip-router';
import { type Peer } from '../../apps/gb28181/src/sip-transport';
import iconv from 'iconv-lite';

const NOMINAL_PER_S = 31_000 / 60;
const TOWNSHIPS = ['511902', '511903', '511921', '511922', '511923'].map((c) => ({
  code: `${c}001`,
  lon: 106.8,
  lat: 31.9,
}));
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function setup(config: FengqiaoConfig, devices: number, perDevice: number) {
  const metrics = new GbMetrics();
  const sent = { messages: 0 };
  const outbox = new EventOutbox(
    { publishWithin: (_t, m) => Promise.resolve(void (sent.messages += m.length)) },
    metrics,
    () => undefined,
  );
  const registrations = new Registrations();
  const tracker = new SilenceTracker({ tickMs: 1000, flapHoldMs: 30_000, spanMs: 181_000 }, 0);
  const ctx: GbContext = {
    config: config.gb28181,
    directory: DeviceDirectory.load(undefined, 'bench-password', config.city.code),
    registrations,
    channels: new ChannelState(tracker, registrations, TOWNSHIPS, outbox, metrics),
    queries: new DeviceQueries(config.gb28181.serverId, config.gb28181.domain, '127.0.0.1', 5060),
    outbox,
    metrics,
    log: () => undefined,
    windowOf: () => 180_000,
  };
  const router = new SipRouter(
    new RegisterHandler(ctx),
    new MessageHandler(ctx, new CatalogCollector(30_000)),
    metrics,
    new PlaySessions(
      playSettingsOf(config, '127.0.0.1'),
      registrations,
      metrics,
      new MediaReceivers(
        {
          ...playSettingsOf(config, '127.0.0.1'),
          rtmpHost: '127.0.0.1',
          rtmpPort: config.media.rtmpPort,
          mediaSecret: config.media.secret,
        },
        metrics,
      ),
    ),
    () => 1000,
  );
  const peer: Peer = { transport: 'UDP', address: '127.0.0.1', port: 5999, send: () => undefined };
  const profile = ctx.directory.profileOf('51190290001180000000');
  if (profile === undefined) throw new Error('no profile');
  for (let i = 0; i < devices; i++) {
    const id = `5119029000118${'0'}${pad(i, 6)}`;
    const { reg } = registrations.upsert(id, peer, 3_600_000, `c${i}`);
    const items: CatalogItem[] = Array.from({ length: perDevice }, (_, j) => ({
      deviceId: `5119029000131${'0'}${pad(i * perDevice + j, 6)}`,
      name: `通道${j}`,
      parental: false,
      online: true,
    }));
    ctx.channels.catalog(reg, profile, items, 0, 180_000);
  }
  return { router, peer, metrics, tracker };
}

function keepalive(deviceIndex: number, n: number): Buffer {
  const id = `5119029000118${'0'}${pad(deviceIndex, 6)}`;
  const body = iconv.encode(
    `<?xml version="1.0" encoding="GB2312"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>${n}</SN>\r\n<DeviceID>${id}</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n`,
    'gb18030',
  );
  const head = [
    'MESSAGE sip:51190000002000000001@5119000000 SIP/2.0',
    `Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK${n}x${deviceIndex}`,
    `From: <sip:${id}@5119000000>;tag=${n}`,
    'To: <sip:51190000002000000001@5119000000>',
    `Call-ID: ${n}-${deviceIndex}@192.168.1.64`,
    `CSeq: ${n} MESSAGE`,
    'Content-Type: Application/MANSCDP+xml',
    'Max-Forwards: 70',
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), body]);
}

function benchKeepalives(config: FengqiaoConfig, devices: number, perDevice: number, count: number): void {
  const { router, peer, metrics } = setup(config, devices, perDevice);
  const msgs = Array.from({ length: count }, (_, k) => keepalive(k % devices, k));
  for (let k = 0; k < 2000; k++) router.handle(parseSipMessage(msgs[k] ?? Buffer.alloc(0)), peer); // warm-up
  const before = metrics.get('message_keepalive');
  const t0 = process.hrtime.bigint();
  for (let k = 2000; k < count; k++) router.handle(parseSipMessage(msgs[k] ?? Buffer.alloc(0)), peer);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const handled = metrics.get('message_keepalive') - before;
  const rate = handled / s;
  console.log(
    `A. keepalives, ${devices} devices × ${perDevice} channel(s): ${handled} in ${s.toFixed(2)} s = ${Math.round(rate)}/s on one core` +
      ` = ${(rate / NOMINAL_PER_S).toFixed(1)}× the nominal ${NOMINAL_PER_S.toFixed(0)}/s (channel refreshes ${Math.round(rate * perDevice)}/s)`,
  );
}

function benchSweep(): void {
  const n = 31_000;
  const tracker = new SilenceTracker({ tickMs: 1000, flapHoldMs: 30_000, spanMs: 181_000 }, 0);
  const ids = Array.from({ length: n }, (_, i) => `5119029000131${'0'}${pad(i, 6)}`);
  const costs: number[] = [];
  // 10 simulated minutes: each camera keeps alive every 60 s (spread evenly), one sweep per second.
  for (let sec = 0; sec < 600; sec++) {
    for (let i = sec % 60; i < n; i += 60) tracker.seen(ids[i] ?? '', sec * 1000, 180_000);
    const t0 = process.hrtime.bigint();
    const out = tracker.sweep(sec * 1000 + 999);
    costs.push(Number(process.hrtime.bigint() - t0) / 1000);
    if (sec > 0 && out.length !== 0) throw new Error(`unexpected offline at ${sec}`);
  }
  const sorted = [...costs.slice(60)].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  console.log(
    `B. sweep at ${n} cameras, all alive: mean ${mean.toFixed(0)} µs, p50 ${at(0.5).toFixed(0)} µs, p99 ${at(0.99).toFixed(0)} µs, max ${at(1).toFixed(0)} µs per 1 s sweep`,
  );
  // Then all go silent: offline events come out spread over the next 60 s as their windows end.
  const silentCosts: number[] = [];
  let offline = 0;
  for (let sec = 600; sec < 800; sec++) {
    const t0 = process.hrtime.bigint();
    offline += tracker.sweep(sec * 1000 + 999).length;
    silentCosts.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  console.log(
    `   all silent from t=600 s: ${offline} offline events, worst sweep ${Math.max(...silentCosts).toFixed(0)} µs`,
  );
  const t0 = process.hrtime.bigint();
  let due = 0;
  const lastSeen = new Float64Array(n).fill(500_000);
  for (let i = 0; i < n; i++) if (lastSeen[i] !== undefined && (lastSeen[i] ?? 0) + 180_000 <= 600_000) due++;
  console.log(
    `   (a naive full scan of ${n} deadlines, for comparison: ${(Number(process.hrtime.bigint() - t0) / 1000).toFixed(0)} µs, ${due} due)`,
  );
}

const config = loadConfig();
benchKeepalives(config, 31_000, 1, 120_000);
benchKeepalives(config, 1000, 31, 60_000);
benchSweep();
