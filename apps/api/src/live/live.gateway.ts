import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { LIVE_NAMESPACE } from '@fengqiao/contracts';
import { SessionRevocations } from '../accounts/session-revocations.service';
import { AlertFanout } from './alert-fanout.service';
import { LiveAuthMiddleware } from './live-auth.middleware';
import { LiveStatusService } from './live-status.service';
import { LiveStreams } from './live-streams.service';
import { type LiveNamespace, type LiveSocket } from './live-types';

/** The live namespace: the handshake middleware authenticates, the fan-out does the rest. */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket> {
  private readonly logger = new Logger('live');

  constructor(
    private readonly auth: LiveAuthMiddleware,
    private readonly fanout: AlertFanout,
    private readonly streams: LiveStreams,
    private readonly status: LiveStatusService,
    private readonly revocations: SessionRevocations,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    namespace.use(this.auth.use);
    this.fanout.bind(namespace);
    this.streams.bind(namespace);
    this.status.bind(namespace);
    // A revoked session (device token, disabled account) leaves at once: the client's refresh then
    // fails and a kiosk wall drops to its enrolment page (issue 16).
    this.revocations.onRevoked((ended) => {
      const gone = new Set(ended);
      for (const socket of namespace.sockets.values()) {
        if (!gone.has(socket.data.user.sessionId ?? '')) continue;
        socket.emit('session.expired');
        socket.disconnect(true);
      }
    });
  }

  handleConnection(socket: LiveSocket): void {
    // First: whether the streams are whole (degraded while Kafka is away), before any data.
    this.status.welcome(socket);
    // Rooms first (attach), then the streams' current state: no delta can fall in between.
    this.fanout
      .attach(socket)
      .then(() => this.streams.welcome(socket))
      .catch((err: unknown) => {
        this.logger.warn(`attach failed: ${err instanceof Error ? err.message : 'unknown'}`);
        socket.disconnect(true);
      });
  }
}
