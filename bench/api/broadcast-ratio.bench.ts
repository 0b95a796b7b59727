/**
 * Socket.IO broadcast deliveries/s ÷ a raw `ws` broadcast on the same machine, same payload,
 * same number of clients (issue 5 target: ≥ 0.5).
 *   node -r @swc-node/register bench/api/broadcast-ratio.bench.ts --messages 1000 --clients 200
 * Server and clients share this process (and its one JS thread), alike for both transports.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { WebSocket, WebSocketServer } from 'ws';
import { anAlert } from '../../apps/api/src/testing/alert-fixtures';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const PAYLOAD = { schema: 'alert.changed.v1', seq: 1, change: 'raised', alert: anAlert({}, 'red') };

async function listen(http: HttpServer): Promise<number> {
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return (http.address() as AddressInfo).port;
}

/** Sends `messages` broadcasts in bursts of 20 per tick; resolves with deliveries per second. */
async function drive(
  broadcast: () => void,
  received: () => number,
  expected: number,
  messages: number,
): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < messages; i += 1) {
    broadcast();
    if (i % 20 === 19) await new Promise((r) => setImmediate(r));
  }
  while (received() < expected) await new Promise((r) => setTimeout(r, 5));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return expected / seconds;
}

async function socketIo(clients: number, messages: number): Promise<number> {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  const port = await listen(http);
  let got = 0;
  const sockets = await Promise.all(
    Array.from({ length: clients }, () => {
      const s = io(`http://127.0.0.1:${port}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      s.on('alert.changed', () => (got += 1));
      return new Promise<typeof s>((r) => s.once('connect', () => r(s)));
    }),
  );
  const rate = await drive(
    () => server.emit('alert.changed', PAYLOAD),
    () => got,
    clients * messages,
    messages,
  );
  for (const s of sockets) s.disconnect();
  await server.close();
  return rate;
}

async function rawWs(clients: number, messages: number): Promise<number> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const port = await listen(http);
  let got = 0;
  const sockets = await Promise.all(
    Array.from({ length: clients }, () => {
      const s = new WebSocket(`ws://127.0.0.1:${port}`);
      s.on('message', (data: Buffer) => {
        JSON.parse(data.toString('utf8'));
        got += 1;
      });
      return new Promise<WebSocket>((r) => s.once('open', () => r(s)));
    }),
  );
  // The fair raw baseline: serialise once, send the same frame to every client.
  const rate = await drive(
    () => {
      const frame = JSON.stringify(['alert.changed', PAYLOAD]);
      for (const c of wss.clients) c.send(frame);
    },
    () => got,
    clients * messages,
    messages,
  );
  for (const s of sockets) s.close();
  await new Promise<void>((r) => wss.close(() => r()));
  await new Promise<void>((r) => http.close(() => r()));
  return rate;
}

async function main(): Promise<void> {
  const clients = arg('clients', 200);
  const messages = arg('messages', 1000);
  const rounds: [number, number][] = [];
  for (let i = 0; i < 3; i += 1)
    rounds.push([await socketIo(clients, messages), await rawWs(clients, messages)]);
  for (const [sio, ws] of rounds) {
    process.stdout.write(
      `socket.io ${sio.toFixed(0)} deliveries/s, ws ${ws.toFixed(0)} deliveries/s, ratio ${(sio / ws).toFixed(2)}\n`,
    );
  }
  const ratios = rounds.map(([s, w]) => s / w).sort((a, b) => a - b);
  process.stdout.write(`median ratio socket.io ÷ ws = ${ratios[1]?.toFixed(2)} (target ≥ 0.5)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
