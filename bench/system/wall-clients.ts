import { io, type Socket } from 'socket.io-client';
import { type AlertChanged, LIVE_NAMESPACE, type TokenPair } from '@fengqiao/contracts';

/**
 * N wall clients on the API's /live namespace with a real token (the demo wall account, signed in
 * once: 20 sign-ins a minute would meet the login limit), and the probe's clock: for every event id
 * sent, the time each client showed an alert change that names it as evidence.
 */
export class WallClients {
  private readonly sentAt = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private samples: number[] = [];
  private changes = 0;

  private constructor(private readonly sockets: Socket[]) {}

  static async connect(apiUrl: string, count: number): Promise<WallClients> {
    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wall', password: 'wall-demo-2026' }),
    });
    if (!login.ok) throw new Error(`wall login failed: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as TokenPair).accessToken;
    const sockets = Array.from({ length: count }, () =>
      io(`${apiUrl}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'] }),
    );
    const clients = new WallClients(sockets);
    await Promise.all(sockets.map((s) => clients.listen(s)));
    return clients;
  }

  private listen(socket: Socket): Promise<void> {
    socket.on('alert.changed', (c: AlertChanged) => {
      this.changes += 1;
      const now = Date.now();
      for (const id of c.alert.explanation.evidence) {
        const t = this.sentAt.get(id);
        if (t === undefined) continue;
        this.samples.push(now - t);
        this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
      }
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  }

  /** Starts the clock of a probe event (call right before it is produced). */
  sent(eventId: string): void {
    this.sentAt.set(eventId, Date.now());
  }

  /** Probes that not every client has shown yet. */
  outstanding(): number {
    let n = 0;
    for (const id of this.sentAt.keys()) if ((this.seen.get(id) ?? 0) < this.sockets.length) n += 1;
    return n;
  }

  /** The latencies (ms) since the last call, and the probes sent, then forgets both. */
  take(): { samples: number[]; probes: number; missing: number; changes: number } {
    const result = {
      samples: this.samples,
      probes: this.sentAt.size,
      missing: this.outstanding(),
      changes: this.changes,
    };
    this.samples = [];
    this.changes = 0;
    this.sentAt.clear();
    this.seen.clear();
    return result;
  }

  close(): void {
    for (const s of this.sockets) s.close();
  }
}
