import { resolve } from 'node:path';
import { z } from 'zod';

const DEV_GB_PASSWORD = 'fengqiao-gb28181-dev';
const port = z.coerce.number().int().min(1).max(65535);
const ms = (def: number, min: number) => z.coerce.number().int().min(min).default(def);

/** Variables of the GB/T 28181 access service (apps/gb28181, docs/gb28181.md). */
export const gb28181EnvSchema = z.object({
  // 5060 is the standard's port; 15060 keeps the demo clear of a SIP phone or proxy on the machine.
  FQ_GB28181_SIP_PORT: port.default(15060),
  FQ_GB28181_HTTP_PORT: port.default(3500),
  // Our SIP server id (20 digits, type 200); the domain/realm is its first 10 digits by convention.
  FQ_GB28181_SERVER_ID: z
    .string()
    .regex(/^\d{10}200\d{7}$/, 'a 20-digit id with type code 200 (central SIP server)')
    .default('51190000002000000001'),
  FQ_GB28181_DOMAIN: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  // The password every device/platform uses unless the devices file gives it its own.
  FQ_GB28181_PASSWORD: z.string().min(8).default(DEV_GB_PASSWORD),
  // JSON { "<deviceId>": { "password": "...", "siteType": "...", "department": "..." } }.
  FQ_GB28181_DEVICES: z.string().optional(),
  // GB/T 28181 defaults: keepalive every 60 s, offline after 3 missed.
  FQ_GB28181_KEEPALIVE_MS: ms(60_000, 100),
  FQ_GB28181_KEEPALIVE_MISSED: z.coerce.number().int().min(1).max(20).default(3),
  FQ_GB28181_SWEEP_MS: ms(1000, 10),
  FQ_GB28181_FLAP_HOLD_MS: ms(30_000, 0),
  FQ_GB28181_CATALOG_TIMEOUT_MS: ms(30_000, 100),
  FQ_GB28181_REGISTER_MAX_EXPIRES_S: z.coerce.number().int().min(60).default(7200),
  // Live play (INVITE): where the media server receives RTP/PS; the address devices can reach.
  FQ_GB28181_MEDIA_IP: z.ipv4().optional(),
  FQ_GB28181_RTP_PORT_MIN: port.default(30000),
  FQ_GB28181_RTP_PORT_MAX: port.default(30499),
  FQ_GB28181_MEDIA_TRANSPORT: z.enum(['udp', 'tcp-passive']).default('udp'),
  FQ_GB28181_INVITE_TIMEOUT_MS: ms(10_000, 100),
  // A playing channel whose RTP stops this long is hung up (ZLMediaKit reclaims an idle port after ~10 s).
  FQ_GB28181_RTP_TIMEOUT_MS: ms(10_000, 100),
});

export interface Gb28181Config {
  readonly sipPort: number;
  readonly httpPort: number;
  readonly serverId: string;
  /** SIP domain and digest realm. */
  readonly domain: string;
  readonly defaultPassword: string;
  readonly devicesPath: string | undefined;
  readonly keepaliveMs: number;
  readonly keepaliveMissed: number;
  readonly sweepMs: number;
  readonly flapHoldMs: number;
  readonly catalogTimeoutMs: number;
  readonly registerMaxExpiresS: number;
  readonly play: {
    /** Undefined: the host's address (FQ_HOST). */
    readonly mediaIp: string | undefined;
    readonly rtpPorts: { readonly min: number; readonly max: number };
    readonly transport: 'udp' | 'tcp-passive';
    readonly inviteTimeoutMs: number;
    /** No RTP this long on a playing channel's port: BYE and close the receiver. */
    readonly rtpTimeoutMs: number;
  };
}

export function buildGb28181Config(e: z.infer<typeof gb28181EnvSchema>): Gb28181Config {
  return {
    sipPort: e.FQ_GB28181_SIP_PORT,
    httpPort: e.FQ_GB28181_HTTP_PORT,
    serverId: e.FQ_GB28181_SERVER_ID,
    domain: e.FQ_GB28181_DOMAIN ?? e.FQ_GB28181_SERVER_ID.slice(0, 10),
    defaultPassword: e.FQ_GB28181_PASSWORD,
    devicesPath: e.FQ_GB28181_DEVICES === undefined ? undefined : resolve(e.FQ_GB28181_DEVICES),
    keepaliveMs: e.FQ_GB28181_KEEPALIVE_MS,
    keepaliveMissed: e.FQ_GB28181_KEEPALIVE_MISSED,
    sweepMs: e.FQ_GB28181_SWEEP_MS,
    flapHoldMs: e.FQ_GB28181_FLAP_HOLD_MS,
    catalogTimeoutMs: e.FQ_GB28181_CATALOG_TIMEOUT_MS,
    registerMaxExpiresS: e.FQ_GB28181_REGISTER_MAX_EXPIRES_S,
    play: {
      mediaIp: e.FQ_GB28181_MEDIA_IP,
      rtpPorts: { min: e.FQ_GB28181_RTP_PORT_MIN, max: e.FQ_GB28181_RTP_PORT_MAX },
      transport: e.FQ_GB28181_MEDIA_TRANSPORT,
      inviteTimeoutMs: e.FQ_GB28181_INVITE_TIMEOUT_MS,
      rtpTimeoutMs: e.FQ_GB28181_RTP_TIMEOUT_MS,
    },
  };
}

/**
 * The access service refuses to start in production with the development password (every device would
 * share a published secret); checked by apps/gb28181, so other apps' production configs need no SIP settings.
 */
export function gb28181Problems(c: Gb28181Config): string[] {
  return c.defaultPassword === DEV_GB_PASSWORD && c.devicesPath === undefined
    ? ['FQ_GB28181_PASSWORD must be set (or FQ_GB28181_DEVICES give every device its own password)']
    : [];
}
