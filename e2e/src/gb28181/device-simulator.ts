// A separate process speaking GB/T 28181 over UDP to a SIP server, as a fleet of NVRs would:
//   node -r @swc-node/register e2e/src/gb28181/device-simulator.ts --server 127.0.0.1:15060 \
//     --devices 1000 --channels 31 --keepalive-ms 60000
// stdout: one JSON line per event ({"event":"registered",...}); stdin: JSON commands
// {"cmd":"silence","device":"<id>"} | {"cmd":"resume","device":"<id>"} | {"cmd":"alarm","device":0,"channel":"<id>","type":6}
// | {"cmd":"counts"} | {"cmd":"delay-answer","channel":"<id>","ms":3000,"ignoreCancel":false}
// | {"cmd":"reinvite","callId":"...","ssrc":"<10 digits>"} | {"cmd":"unregister","device":2}
// | {"cmd":"stop-media","callId":"..."}
// (--platform-shares N: device 0 also lists channel 0 of devices 1..N, as a cascading platform). Live play: the server's INVITE is answered
// 200 OK with an SDP; after the ACK the channel sends RTP/PS (an ffmpeg test pattern) to the offered
// port (events invited, answered, acked, cancelled, bye, reinvited).
import { createSocket } from 'node:dgram';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DeviceFleet, channelIdOf, deviceIdOf } from './device-fleet';

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: '127.0.0.1:15060' },
    'server-id': { type: 'string', default: '51190000002000000001' },
    password: { type: 'string', default: 'fengqiao-gb28181-dev' },
    devices: { type: 'string', default: '10' },
    channels: { type: 'string', default: '4' },
    'keepalive-ms': { type: 'string', default: '60000' },
    'expires-s': { type: 'string', default: '3600' },
    'wrong-password': { type: 'string', default: '' },
    'platform-shares': { type: 'string', default: '0' },
  },
});
const [host, port] = (values.server ?? '').split(':');
const serverId = values['server-id'] ?? '';
const out = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const socket = createSocket({
    type: 'udp4',
    recvBufferSize: 8 * 1024 * 1024,
    sendBufferSize: 8 * 1024 * 1024,
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const devices = Number(values.devices);
  const channels = Number(values.channels);
  const fleet = new DeviceFleet(socket, {
    serverHost: host ?? '127.0.0.1',
    serverPort: Number(port),
    serverId,
    domain: serverId.slice(0, 10),
    password: values.password ?? '',
    devices,
    channelsPerDevice: channels,
    keepaliveMs: Number(values['keepalive-ms']),
    expiresS: Number(values['expires-s']),
    wrongPassword: new Set(
      (values['wrong-password'] ?? '')
        .split(',')
        .filter((s) => s !== '')
        .map(Number),
    ),
    platformShares: Number(values['platform-shares']),
    report: out,
  });
  const started = Date.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  await fleet.registerAll();
  out({
    event: 'registered',
    ...fleet.counts,
    ms: Date.now() - started,
    first: deviceIdOf(0),
    firstChannel: channelIdOf(0, 0, channels),
    loopDelayMaxMs: Math.round(loopDelay.max / 1e6),
  });
  createInterface({ input: process.stdin }).on('line', (line) => {
    const cmd = JSON.parse(line) as {
      cmd: string;
      device?: string | number;
      channel?: string;
      type?: number;
      ms?: number;
      ignoreCancel?: boolean;
      callId?: string;
      ssrc?: string;
    };
    if (cmd.cmd === 'delay-answer')
      fleet.play.delayAnswer(cmd.channel ?? '', cmd.ms ?? 0, cmd.ignoreCancel === true);
    if (cmd.cmd === 'unregister')
      void fleet.unregister(Number(cmd.device)).then((ok) => out({ event: 'unregistered', ok }));
    if (cmd.cmd === 'stop-media') fleet.play.stopMedia(cmd.callId ?? '');
    if (cmd.cmd === 'reinvite') void fleet.play.reinvite(cmd.callId ?? '', cmd.ssrc);
    if (cmd.cmd === 'silence' || cmd.cmd === 'resume')
      fleet.setSilent(String(cmd.device), cmd.cmd === 'silence');
    if (cmd.cmd === 'alarm')
      void fleet
        .sendAlarm(Number(cmd.device), cmd.channel ?? '', cmd.type ?? 6)
        .then((status) => out({ event: 'alarm', status }));
    if (cmd.cmd === 'counts') out({ event: 'counts', ...fleet.counts });
    out({ event: 'ack', cmd: cmd.cmd });
  });
  const stop = (): void => {
    fleet.stop();
    socket.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
