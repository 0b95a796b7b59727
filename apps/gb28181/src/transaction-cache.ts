import { headerOf, headerParam, type SipRequest } from '@fengqiao/gb28181';

const KEEP_MS = 32_000; // RFC 3261 Timer J / H: how long a UDP retransmission may still arrive.
const CAPACITY = 100_000;

/**
 * The server transaction's memory (RFC 3261 §17.2): a retransmitted request (same branch, Call-ID and
 * CSeq) is answered with the response already sent, never processed twice. Without it a REGISTER
 * retransmitted over UDP would reuse its nonce and be refused as a replay.
 */
export class TransactionCache {
  private readonly sent = new Map<string, { bytes: Buffer; atMs: number }>();

  keyOf(req: SipRequest): string {
    const branch = headerParam(headerOf(req, 'via'), 'branch') ?? '';
    return `${branch}|${headerOf(req, 'call-id') ?? ''}|${headerOf(req, 'cseq') ?? ''}`;
  }

  answered(key: string, nowMs: number): Buffer | undefined {
    const hit = this.sent.get(key);
    return hit !== undefined && nowMs - hit.atMs < KEEP_MS ? hit.bytes : undefined;
  }

  remember(key: string, bytes: Buffer, nowMs: number): void {
    this.sent.set(key, { bytes, atMs: nowMs });
    while (this.sent.size > CAPACITY) {
      const oldest = this.sent.keys().next().value;
      if (oldest === undefined) break;
      this.sent.delete(oldest);
    }
  }
}
