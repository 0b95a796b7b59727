import { type Socket } from 'node:dgram';
import { DevicePlay } from './sim-play';
import { authorization, manscdp, readWire, token, writeWire, xmlField, type WireMessage } from './sim-wire';

export interface FleetOptions {
  readonly serverHost: string;
  readonly serverPort: number;
  readonly serverId: string;
  readonly domain: string;
  readonly password: string;
  readonly devices: number;
  readonly channelsPerDevice: number;
  readonly keepaliveMs: number;
  readonly expiresS: number;
  /** Devices whose password is wrong on purpose (refused devices must not disturb the others). */
  readonly wrongPassword: ReadonlySet<number>;
  /** Device 0 also lists channel 0 of devices 1..N in its Catalog, as a platform cascading them. */
  readonly platformShares?: number;
  /** Where the fleet reports what it saw of live play (INVITE, ACK, BYE). */
  readonly report?: (line: Record<string, unknown>) => void;
}

const COUNTIES = ['511902', '511903', '511921', '511922', '511923'] as const;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Ids by rule A: center code (county + slot 90) + industry 00 + type (118 NVR, 131 camera) + net 0 + serial. */
export const deviceIdOf = (i: number): string => `${COUNTIES[i % 5]}9000118${'0'}${pad(i, 6)}`;
export const channelIdOf = (i: number, j: number, k: number): string =>
  `${COUNTIES[i % 5]}9000131${'0'}${pad(i * k + j, 6)}`;

interface Pending {
  resolve(m: WireMessage): void;
}

/** Many devices behind one UDP socket (as a platform cascading its NVRs would look from the server). */
export class DeviceFleet {
  private readonly pending = new Map<string, Pending>();
  private readonly silent = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private sn = 1;
  /** Live play: INVITE/ACK/BYE/CANCEL, the RTP/PS stream, re-INVITE. */
  readonly play: DevicePlay;
  readonly counts = {
    registered: 0,
    refused: 0,
    keepalives: 0,
    keepalive404: 0,
    catalogs: 0,
    reRegistered: 0,
    /** Why a REGISTER failed: no answer to the first or to the authenticated one, or a refusal. */
    noAnswerFirst: 0,
    noAnswerSecond: 0,
    refusedStatus: 0,
  };

  constructor(
    private readonly socket: Socket,
    private readonly o: FleetOptions,
  ) {
    socket.on('message', (bytes) => this.receive(bytes));
    this.play = new DevicePlay({
      send: (bytes) => socket.send(bytes, o.serverPort, o.serverHost),
      request: (key, bytes) => this.sendAwaiting(key, bytes),
      localPort: () => socket.address().port,
      report: (line) => o.report?.(line),
    });
  }

  async registerAll(concurrency = 64): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.o.devices) {
        const i = next++;
        const ok = await this.register(i);
        if (ok) {
          this.counts.registered++;
          // A device keeps alive from its own registration on, not once the whole fleet is in.
          this.startKeepalive(i);
        } else this.counts.refused++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Keepalives every interval from a device's registration (GB/T 28181 §9.6: default 60 s). */
  private startKeepalive(i: number): void {
    this.timers.push(setInterval(() => void this.keepalive(i), this.o.keepaliveMs));
  }

  setSilent(deviceId: string, silent: boolean): void {
    if (silent) this.silent.add(deviceId);
    else this.silent.delete(deviceId);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.play.stopAll();
  }

  async sendAlarm(deviceIndex: number, channelId: string, alarmType: number): Promise<number> {
    const body = manscdp(
      `<Notify>\r\n<CmdType>Alarm</CmdType>\r\n<SN>${this.sn++}</SN>\r\n<DeviceID>${channelId}</DeviceID>\r\n` +
        `<AlarmPriority>1</AlarmPriority>\r\n<AlarmMethod>5</AlarmMethod>\r\n<AlarmTime>2026-12-07T08:00:00</AlarmTime>\r\n` +
        `<Info>\r\n<AlarmType>${alarmType}</AlarmType>\r\n</Info>\r\n</Notify>`,
    );
    const res = await this.request(
      deviceIdOf(deviceIndex),
      'MESSAGE',
      [['Content-Type', 'Application/MANSCDP+xml']],
      body,
    );
    return statusOf(res);
  }

  /** The device leaves: REGISTER with Expires 0 (RFC 3261 §10.2.2), then falls silent. */
  async unregister(i: number): Promise<boolean> {
    const ok = await this.register(i, 0);
    this.setSilent(deviceIdOf(i), true);
    return ok;
  }

  private async register(i: number, expiresS = this.o.expiresS): Promise<boolean> {
    const id = deviceIdOf(i);
    const uri = `sip:${this.o.serverId}@${this.o.domain}`;
    const callId = token(10);
    const extra: [string, string][] = [['Expires', String(expiresS)]];
    const first = await this.request(id, 'REGISTER', extra, undefined, callId, 1);
    if (first === undefined) this.counts.noAnswerFirst++;
    if (statusOf(first) === 200) return true;
    const challenge = first?.headers.get('www-authenticate');
    if (statusOf(first) !== 401 || challenge === undefined) return false;
    const password = this.o.wrongPassword.has(i) ? `${this.o.password}-wrong` : this.o.password;
    const auth: [string, string] = ['Authorization', authorization(id, password, challenge, uri)];
    const second = await this.request(id, 'REGISTER', [...extra, auth], undefined, callId, 2);
    if (second === undefined) this.counts.noAnswerSecond++;
    else if (statusOf(second) !== 200) this.counts.refusedStatus++;
    return statusOf(second) === 200;
  }

  private async keepalive(i: number): Promise<void> {
    const id = deviceIdOf(i);
    if (this.silent.has(id)) return;
    const body = manscdp(
      `<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n<SN>${this.sn++}</SN>\r\n<DeviceID>${id}</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>`,
    );
    const res = await this.request(id, 'MESSAGE', [['Content-Type', 'Application/MANSCDP+xml']], body);
    this.counts.keepalives++;
    // A server that forgot us (restart) answers 404: register again, as devices do.
    if (statusOf(res) === 404) {
      this.counts.keepalive404++;
      if (await this.register(i)) this.counts.reRegistered++;
    }
  }

  private request(
    deviceId: string,
    method: string,
    extra: [string, string][],
    body?: Buffer,
    callId = token(10),
    cseq = 1,
  ): Promise<WireMessage | undefined> {
    const { serverId, domain } = this.o;
    const local = this.socket.address();
    const bytes = writeWire(
      `${method} sip:${serverId}@${domain} SIP/2.0`,
      [
        ['Via', `SIP/2.0/UDP ${local.address}:${local.port};rport;branch=z9hG4bK${token(6)}`],
        ['From', `<sip:${deviceId}@${domain}>;tag=${token(4)}`],
        ['To', method === 'REGISTER' ? `<sip:${deviceId}@${domain}>` : `<sip:${serverId}@${domain}>`],
        ['Call-ID', callId],
        ['CSeq', `${cseq} ${method}`],
        ['Contact', `<sip:${deviceId}@${local.address}:${local.port}>`],
        ['Max-Forwards', '70'],
        ['User-Agent', 'fq-device-sim'],
        ...extra,
      ],
      body,
    );
    return this.sendAwaiting(`${callId}/${cseq}`, bytes);
  }

  /**
   * UDP, a non-INVITE client transaction (RFC 3261 §17.1.2): retransmit after T1 = 500 ms, doubling up
   * to T2 = 4 s (Timer E), give up when Timer F (64 × T1 = 32 s) fires.
   */
  private async sendAwaiting(key: string, bytes: Buffer): Promise<WireMessage | undefined> {
    const answer = new Promise<WireMessage>((resolve) => this.pending.set(key, { resolve }));
    let waited = 0;
    for (let wait = 500; waited < 32_000; wait = Math.min(wait * 2, 4000)) {
      this.socket.send(bytes, this.o.serverPort, this.o.serverHost);
      const step = Math.min(wait, 32_000 - waited);
      let timer: NodeJS.Timeout | undefined;
      const got = await Promise.race([
        answer,
        new Promise<undefined>((r) => {
          timer = setTimeout(() => r(undefined), step);
        }),
      ]);
      clearTimeout(timer);
      if (got !== undefined) return got;
      waited += step;
    }
    this.pending.delete(key);
    return undefined;
  }

  private receive(bytes: Buffer): void {
    const m = readWire(bytes);
    if (m === undefined) return;
    if (m.startLine.startsWith('SIP/2.0 ')) {
      const key = `${m.headers.get('call-id') ?? ''}/${(m.headers.get('cseq') ?? '').split(' ')[0] ?? ''}`;
      const p = this.pending.get(key);
      this.pending.delete(key);
      p?.resolve(m);
      return;
    }
    this.answerServer(m);
  }

  /** A request from the server: a query (MESSAGE) or live play (INVITE, ACK, BYE). */
  private answerServer(m: WireMessage): void {
    const target = /sip:(\d{20})@/.exec(m.startLine)?.[1] ?? '';
    const method = m.startLine.split(' ')[0] ?? '';
    const deviceId = method === 'MESSAGE' ? target : this.deviceOfChannel(target);
    if (this.silent.has(deviceId)) return;
    if (['INVITE', 'ACK', 'BYE', 'CANCEL'].includes(method)) return this.play.handle(method, target, m);
    const ok = writeWire('SIP/2.0 200 OK', [
      ['Via', m.headers.get('via') ?? ''],
      ['From', m.headers.get('from') ?? ''],
      ['To', `${m.headers.get('to') ?? ''};tag=${token(4)}`],
      ['Call-ID', m.headers.get('call-id') ?? ''],
      ['CSeq', m.headers.get('cseq') ?? ''],
    ]);
    this.socket.send(ok, this.o.serverPort, this.o.serverHost);
    const cmd = xmlField(m.body, 'CmdType');
    const sn = xmlField(m.body, 'SN') ?? '0';
    const i = Number(deviceId.slice(-6));
    if (cmd === 'Catalog') void this.answerCatalog(i, deviceId, sn);
    if (cmd === 'DeviceInfo')
      void this.request(
        deviceId,
        'MESSAGE',
        [['Content-Type', 'Application/MANSCDP+xml']],
        manscdp(
          `<Response>\r\n<CmdType>DeviceInfo</CmdType>\r\n<SN>${sn}</SN>\r\n<DeviceID>${deviceId}</DeviceID>\r\n<DeviceName>模拟NVR</DeviceName>\r\n` +
            `<Manufacturer>FQ-SIM</Manufacturer>\r\n<Model>NVR-${this.o.channelsPerDevice}</Model>\r\n<Firmware>1.0</Firmware>\r\n<Channel>${this.o.channelsPerDevice}</Channel>\r\n<Result>OK</Result>\r\n</Response>`,
        ),
      );
  }

  /** The device a channel id belongs to (channel serial = device index × channels + j); itself if it is a device. */
  private deviceOfChannel(id: string): string {
    if (id.slice(10, 13) !== '131') return id;
    return deviceIdOf(Math.floor(Number(id.slice(-6)) / this.o.channelsPerDevice));
  }

  /**
   * The channel list in pages of 8 items (SumNum = all), as NVRs split a Catalog over UDP. Device 0
   * may act as a lower platform that also lists channel 0 of devices 1..platformShares (cascaded).
   */
  private async answerCatalog(i: number, deviceId: string, sn: string): Promise<void> {
    const k = this.o.channelsPerDevice;
    const own = Array.from({ length: k }, (_, j): [number, number] => [i, j]);
    const shared =
      i === 0
        ? Array.from({ length: this.o.platformShares ?? 0 }, (_, n): [number, number] => [n + 1, 0])
        : [];
    const all = [...own, ...shared];
    for (let start = 0; start < all.length; start += 8) {
      const items = all.slice(start, start + 8).map(([owner, j]) => {
        const id = channelIdOf(owner, j, k);
        const lon = (106.5 + ((owner * 7 + j) % 100) / 100).toFixed(4);
        const lat = (31.6 + ((owner * 3 + j) % 100) / 200).toFixed(4);
        return (
          `<Item>\r\n<DeviceID>${id}</DeviceID>\r\n<Name>巴中${owner}号点位萳${j}</Name>\r\n<Manufacturer>FQ-SIM</Manufacturer>\r\n<Model>IPC</Model>\r\n` +
          `<Owner>巴中市公安局</Owner>\r\n<CivilCode>${id.slice(0, 6)}</CivilCode>\r\n<Parental>0</Parental>\r\n<ParentID>${deviceId}</ParentID>\r\n` +
          `<Status>ON</Status>\r\n<Longitude>${lon}</Longitude>\r\n<Latitude>${lat}</Latitude>\r\n</Item>`
        );
      });
      const body = manscdp(
        `<Response>\r\n<CmdType>Catalog</CmdType>\r\n<SN>${sn}</SN>\r\n<DeviceID>${deviceId}</DeviceID>\r\n<SumNum>${all.length}</SumNum>\r\n` +
          `<DeviceList Num="${items.length}">\r\n${items.join('\r\n')}\r\n</DeviceList>\r\n</Response>`,
      );
      await this.request(deviceId, 'MESSAGE', [['Content-Type', 'Application/MANSCDP+xml']], body);
    }
    this.counts.catalogs++;
  }
}

function statusOf(m: WireMessage | undefined): number {
  return Number(/^SIP\/2\.0 (\d{3})/.exec(m?.startLine ?? '')?.[1] ?? '0');
}
