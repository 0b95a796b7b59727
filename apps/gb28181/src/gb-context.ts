import { type Gb28181Config } from '@fengqiao/config';
import { type ChannelState } from './channel-state';
import { type DeviceDirectory } from './device-directory';
import { type DeviceQueries } from './device-queries';
import { type EventOutbox } from './event-outbox';
import { type GbMetrics } from './gb-metrics';
import { type Registration, type Registrations } from './registrations';

/** What the SIP handlers share; built once by the composition root. */
export interface GbContext {
  readonly config: Gb28181Config;
  readonly directory: DeviceDirectory;
  readonly registrations: Registrations;
  readonly channels: ChannelState;
  readonly queries: DeviceQueries;
  readonly outbox: EventOutbox;
  readonly metrics: GbMetrics;
  readonly log: (line: string) => void;
  /** How long a device's channels stay online after a sign of life: min(registration left, keepalive × missed). */
  windowOf(reg: Registration, nowMs: number): number;
}
