/**
 * Overload control for SIP arriving faster than one thread handles it (a thousand NVRs answering
 * Catalog at once). Messages are queued as read and handled in slices of at most `sliceMs`, urgent
 * ones first (REGISTER and responses: a device whose REGISTER waits past its retransmissions, ~4 s,
 * counts itself refused), so a backlog of Catalog pages delays Catalog pages, never a registration.
 * Between slices the event loop reads the socket again, so the backlog waits here, not in the
 * kernel's buffer where a REGISTER would queue behind it. Past `maxQueued`, the oldest non-urgent
 * message is shed (counted; the device retransmits it).
 */
export interface SipIntakeOptions {
  readonly sliceMs: number;
  readonly maxQueued: number;
  readonly now: () => number;
  /** Runs the next slice after the event loop has polled I/O (setImmediate in the service). */
  readonly schedule: (run: () => void) => void;
}

class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  get size(): number {
    return this.items.length - this.head;
  }
}

interface Queued<T> {
  readonly item: T;
  readonly atMs: number;
}

export class SipIntake<T> {
  private readonly urgent = new Fifo<Queued<T>>();
  private readonly normal = new Fifo<Queued<T>>();
  private scheduled = false;
  private shedCount = 0;
  private maxWaitMs = 0;
  private maxUrgentWaitMs = 0;

  constructor(
    private readonly handle: (item: T) => void,
    private readonly o: SipIntakeOptions,
  ) {}

  push(item: T, urgent: boolean): void {
    (urgent ? this.urgent : this.normal).push({ item, atMs: this.o.now() });
    while (this.size > this.o.maxQueued && this.normal.size > 0) {
      this.normal.shift();
      this.shedCount++;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      this.o.schedule(() => this.drain());
    }
  }

  get size(): number {
    return this.urgent.size + this.normal.size;
  }

  /** Messages dropped because the queue was full. */
  get shed(): number {
    return this.shedCount;
  }

  /** The longest a message has waited here before being handled, in ms. */
  get longestWaitMs(): number {
    return this.maxWaitMs;
  }

  /** The same for urgent messages (REGISTER, responses). */
  get longestUrgentWaitMs(): number {
    return this.maxUrgentWaitMs;
  }

  private drain(): void {
    const start = this.o.now();
    for (;;) {
      const urgent = this.urgent.shift();
      const next = urgent ?? this.normal.shift();
      if (next === undefined) break;
      this.maxWaitMs = Math.max(this.maxWaitMs, start - next.atMs);
      if (urgent !== undefined) this.maxUrgentWaitMs = Math.max(this.maxUrgentWaitMs, start - next.atMs);
      this.handle(next.item);
      if (this.o.now() - start >= this.o.sliceMs) break;
    }
    if (this.size > 0) this.o.schedule(() => this.drain());
    else this.scheduled = false;
  }
}

/** REGISTER requests and every response jump the queue (looked up in the first bytes, unparsed). */
export function isUrgentSip(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 9).toString('latin1');
  return head === 'REGISTER ' || head.startsWith('SIP/2.0 ');
}
