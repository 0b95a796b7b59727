import { serializeResponse, type SipMessage, type SipRequest } from '@fengqiao/gb28181';
import { type GbMetrics } from './gb-metrics';
import { type MessageHandler } from './message-handler';
import { type PlaySessions } from './play-sessions';
import { type RegisterHandler } from './register-handler';
import { type Peer } from './sip-transport';
import { TransactionCache } from './transaction-cache';

/** Routes each request by method; answers to our own queries are only counted. */
export class SipRouter {
  private readonly transactions = new TransactionCache();

  constructor(
    private readonly register: RegisterHandler,
    private readonly messages: MessageHandler,
    private readonly metrics: GbMetrics,
    private readonly play: PlaySessions,
    private readonly now: () => number = Date.now,
  ) {}

  handle(message: SipMessage, peer: Peer): void {
    if (message.kind === 'response') {
      if (this.play.onResponse(message)) return;
      this.metrics.inc(`responses_${message.status >= 300 ? 'error' : 'ok'}`);
      return;
    }
    const nowMs = this.now();
    if (message.method === 'ACK') return;
    const key = this.transactions.keyOf(message);
    const earlier = this.transactions.answered(key, nowMs);
    if (earlier !== undefined) {
      this.metrics.inc('retransmissions');
      return peer.send(earlier);
    }
    // Only the first send is this request's response; a handler may keep the peer for later queries.
    let answered = false;
    const recording: Peer = {
      ...peer,
      send: (bytes) => {
        if (!answered) this.transactions.remember(key, bytes, nowMs);
        answered = true;
        peer.send(bytes);
      },
    };
    this.route(message, recording, nowMs);
  }

  private route(message: SipRequest, peer: Peer, nowMs: number): void {
    switch (message.method) {
      case 'REGISTER':
        return this.register.handle(message, peer, nowMs);
      case 'MESSAGE':
      case 'NOTIFY':
        return this.messages.handle(message, peer, nowMs);
      case 'BYE':
        return peer.send(
          this.play.onBye(message)
            ? serializeResponse(message, 200, 'OK')
            : serializeResponse(message, 481, 'Call/Transaction Does Not Exist'),
        );
      case 'INVITE':
        return this.play.onInvite(message, peer);
      case 'CANCEL':
        // We take no INVITEs from devices, so there is never a transaction of theirs to cancel.
        return peer.send(serializeResponse(message, 481, 'Call/Transaction Does Not Exist'));
      case 'OPTIONS':
        return peer.send(serializeResponse(message, 200, 'OK'));
      default:
        this.metrics.inc('method_not_allowed');
        peer.send(
          serializeResponse(message, 405, 'Method Not Allowed', {
            Allow: 'REGISTER, MESSAGE, NOTIFY, OPTIONS, INVITE, BYE, ACK, CANCEL',
          }),
        );
    }
  }
}
