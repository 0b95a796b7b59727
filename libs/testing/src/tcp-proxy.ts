import { connect, createServer, type Server, type Socket } from 'node:net';

interface Link {
  readonly client: Socket;
  upstream: Socket | undefined;
  /** Bytes held while frozen, per direction. */
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

/**
 * A TCP relay to a real server that a test can cut, restore, freeze and thaw. Cut: to the process
 * behind it the server goes away (connections reset, new ones refused) and comes back on the same
 * port. Freeze: every connection stays open but nothing passes either way (a stalled network, a
 * half-open peer), new connections hang unanswered; thaw delivers what was held and carries on.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly links = new Set<Link>();
  private frozen = false;

  private constructor(
    private readonly target: { host: string; port: number },
    public port: number,
  ) {}

  /** Listens on `port` (default: any free one). */
  static async start(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, port);
    await proxy.listen();
    return proxy;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const l of this.links) {
      l.client.destroy();
      l.upstream?.destroy();
    }
    this.links.clear();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  }

  restore(): Promise<void> {
    return this.listen();
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const l of this.links) {
      if (l.upstream === undefined) this.connectUpstream(l);
      for (const b of l.held.toUpstream.splice(0)) l.upstream?.write(b);
      for (const b of l.held.toClient.splice(0)) l.client.write(b);
    }
  }

  private accept(client: Socket): void {
    const link: Link = { client, upstream: undefined, held: { toUpstream: [], toClient: [] } };
    this.links.add(link);
    client.on('error', () => undefined);
    client.on('close', () => this.drop(link));
    client.on('data', (b: Buffer) => {
      if (this.frozen || link.upstream === undefined) link.held.toUpstream.push(b);
      else link.upstream.write(b);
    });
    if (!this.frozen) this.connectUpstream(link);
  }

  private connectUpstream(link: Link): void {
    const upstream = connect(this.target.port, this.target.host);
    link.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.on('close', () => this.drop(link));
    upstream.on('data', (b: Buffer) => {
      if (this.frozen) link.held.toClient.push(b);
      else link.client.write(b);
    });
    for (const b of link.held.toUpstream.splice(0)) upstream.write(b);
  }

  private drop(link: Link): void {
    this.links.delete(link);
    link.client.destroy();
    link.upstream?.destroy();
  }

  private listen(): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address === 'object' && address !== null) this.port = address.port;
        resolve();
      });
    });
  }
}
