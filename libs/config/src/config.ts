import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { buildGb28181Config, gb28181EnvSchema, type Gb28181Config } from './gb28181-config';
import { buildNotifyConfig, notifyEnvSchema, type NotifyConfig } from './notify-config';
import { findRepoRoot } from './repo-root';
import { buildTuning, tuningEnvSchema, type Tuning } from './tuning';
import { tuningProblems } from './tuning-limits';

export type RuntimeMode = 'development' | 'test' | 'production';

const DEV_SECRET = 'fengqiao-dev-secret-change-me';
const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  FQ_MODE: z.enum(['development', 'test', 'production']).default('development'),
  FQ_HOME: z.string().optional(),
  FQ_HOST: z.string().default('127.0.0.1'),
  FQ_KAFKA_PORT: port.default(19092),
  FQ_KAFKA_CONTROLLER_PORT: port.default(19093),
  FQ_KAFKA_BROKERS: z.string().optional(),
  // The ingest's consumer client (docs/decisions/0002-kafka-client.md); kafkajs unless told otherwise.
  FQ_KAFKA_CLIENT: z.enum(['kafkajs', 'platformatic']).default('kafkajs'),
  FQ_KAFKA_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default('768m'),
  FQ_PG_PORT: port.default(15432),
  // The stack's second server without TimescaleDB, for the plain-PostgreSQL path spec (decision 0004).
  FQ_PLAIN_PG_PORT: port.default(15434),
  // 'plain' starts the local server without TimescaleDB even when the extension could be installed.
  FQ_PG_ENGINE: z.enum(['timescaledb', 'plain']).default('timescaledb'),
  // The TimescaleDB release tarball built when the extension is missing; default: the vendored one.
  FQ_TIMESCALEDB_SOURCE: z.string().optional(),
  // Builds kept outside the clone so fresh clones and CI on this machine reuse them.
  FQ_BUILD_CACHE: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  FQ_API_PORT: port.default(3000),
  FQ_INGEST_PORT: port.default(3100),
  FQ_WARNING_PORT: port.default(3200),
  // The HTTP intake's source registry (keys, kinds, regions; docs/sources.md); unset: the demo one.
  FQ_INGEST_SOURCES: z.string().optional(),
  FQ_REPORTS_PORT: port.default(3300),
  FQ_DASHBOARD_PORT: port.default(5173),
  FQ_CORS_ORIGINS: z.string().optional(),
  // Reverse proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For the API believes.
  FQ_TRUSTED_PROXIES: z.string().optional(),
  // Signs the audit chain's checkpoints; the database never holds it (issue 17 #7).
  FQ_AUDIT_SIGNING_KEY: z.string().default(DEV_SECRET),
  FQ_JWT_SECRET: z.string().default(DEV_SECRET),
  FQ_MEDIA_SECRET: z.string().default(DEV_SECRET),
  FQ_PARTY_KEY_SECRET: z.string().default(DEV_SECRET),
  FQ_MEDIA_PUBLIC_URL: z.string().url().optional(),
  // RTMP ingest: 1935 is the standard port, 19350 keeps clear of a system RTMP server.
  FQ_MEDIA_RTMP_PORT: port.default(19350),
  // The public gateway (HLS, HTTP-FLV, WS-FLV, /health): token-checked, with CORS.
  FQ_MEDIA_HTTP_PORT: port.default(8000),
  // node-media-server's own HTTP-FLV listener, loopback only: the gateway proxies to it.
  FQ_MEDIA_INTERNAL_HTTP_PORT: port.default(18001),
  FQ_MEDIA_RELAYS: z.string().optional(),
  FQ_GEOJSON: z.string().optional(),
  /** The prefecture's 4-digit GB/T 2260 code (5119 = Bazhong): which city `npm run geodata` extracts. */
  FQ_CITY_CODE: z
    .string()
    .regex(/^\d{4}$/, 'a 4-digit prefecture code such as 5119')
    .default('5119'),
  /** The city's real divisions (tools/stack/src/geodata); generated names and codes when unset. */
  FQ_CITY_DIVISIONS: z.string().optional(),
  /** The city's name as people read it (南充市); unset: the built-in city's for its code (libs/geo cityNameOf). */
  FQ_CITY_NAME: z.string().trim().min(1).max(32).optional(),
  FQ_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  ...tuningEnvSchema.shape,
  ...gb28181EnvSchema.shape,
  ...notifyEnvSchema.shape,
});

/** Everything a Fengqiao process is configured with, parsed once at start-up. */
export interface FengqiaoConfig {
  readonly mode: RuntimeMode;
  readonly repoRoot: string;
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly stack: {
    readonly home: string;
    readonly cacheDir: string;
    readonly dataDir: string;
    readonly logDir: string;
    readonly runDir: string;
  };
  readonly kafka: {
    readonly brokers: string[];
    readonly port: number;
    readonly controllerPort: number;
    readonly heap: string;
    /** True when the brokers are ours to start (no FQ_KAFKA_BROKERS given). */
    readonly embedded: boolean;
    /** Client under the ingest's batch consumer (FQ_KAFKA_CLIENT). */
    readonly client: 'kafkajs' | 'platformatic';
  };
  readonly postgres: {
    readonly url: string;
    readonly port: number;
    /** True when the server is ours to start (no DATABASE_URL given). */
    readonly embedded: boolean;
    /** The local server's engine: PostgreSQL 15 with TimescaleDB preloaded, or plain (FQ_PG_ENGINE). */
    readonly engine: 'timescaledb' | 'plain';
    /** Port of the stack's second, plain server (no TimescaleDB) that the plain-path spec uses. */
    readonly plainPort: number;
    /** URL of the plain server's maintenance database `postgres` (app role). */
    readonly plainUrl: string;
    /** The TimescaleDB source tarball to build from when the extension is missing. */
    readonly timescaleSource: string;
    /** Where built extensions are cached, outside the clone (FQ_BUILD_CACHE). */
    readonly buildCacheDir: string;
  };
  readonly api: {
    readonly port: number;
    readonly jwtSecret: string;
    /** Browser origins allowed by CORS and the Socket.IO handshake; undefined: the local dashboard. */
    readonly corsOrigins: readonly string[] | undefined;
    /**
     * Proxies whose X-Forwarded-For names the client (FQ_TRUSTED_PROXIES, addresses or CIDRs); the
     * client address is what the login rate limit counts. Default: loopback outside production,
     * none in production (a list there; `none` for no proxy).
     */
    readonly trustedProxies: readonly string[];
    /** HMAC-SHA-256 key of the audit chain's signed checkpoints (FQ_AUDIT_SIGNING_KEY). */
    readonly auditSigningKey: string;
  };
  readonly ingest: {
    readonly port: number;
    /** The intake's source registry file (FQ_INGEST_SOURCES); undefined: the built-in demo sources. */
    readonly sourcesPath: string | undefined;
  };
  /** The warning and reports services answer only /health (and /ready) on these. */
  readonly warning: { readonly port: number };
  readonly reports: { readonly port: number };
  readonly dashboard: { readonly port: number };
  readonly media: {
    readonly secret: string;
    /** The media gateway as browsers reach it (behind nginx/TLS in production), without a slash at the end. */
    readonly publicUrl: string;
    /** A JSON file of per-camera pull relays (RTSP/RTMP/HTTP sources pushed into the media server). */
    readonly relaysPath: string | undefined;
    /** RTMP ingest (FQ_MEDIA_RTMP_PORT). */
    readonly rtmpPort: number;
    /** The public gateway and its /health (FQ_MEDIA_HTTP_PORT). */
    readonly httpPort: number;
    /** node-media-server's loopback HTTP-FLV listener behind the gateway (FQ_MEDIA_INTERNAL_HTTP_PORT). */
    readonly internalHttpPort: number;
  };
  readonly geojsonPath: string | undefined;
  /**
   * The city: its code, its name when configured (FQ_CITY_NAME; `npm run geodata` prints it; read it
   * through libs/geo `cityNameOf`) and, when extracted, its real divisions file.
   */
  readonly city: {
    readonly code: string;
    readonly name: string | undefined;
    readonly divisionsPath: string | undefined;
  };
  /** The notify service: channels, acknowledgement links, policy delays (notify-config.ts). */
  readonly notify: NotifyConfig;
  /** HMAC secret of party keys (libs/intake partyKeyOf); API and simulator must share it. */
  readonly partyKeySecret: string;
  /** Batch sizes, intervals, windows, timeouts and limits, by section (libs/config/src/tuning.ts). */
  readonly tuning: Tuning;
  /** The GB/T 28181 access service: SIP ports, ids, passwords, keepalive window (docs/gb28181.md). */
  readonly gb28181: Gb28181Config;
}

/**
 * Parses the environment into a typed config. The only reader of `process.env` in the codebase.
 * Production mode refuses to start with default secrets or without an explicit database.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): FengqiaoConfig {
  // An empty variable means unset (compose passes `${X:-}` through as an empty string).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const repoRoot = findRepoRoot();
  const home = resolve(e.FQ_HOME ?? join(repoRoot, '.stack'));
  const config: FengqiaoConfig = {
    mode: e.FQ_MODE,
    repoRoot,
    host: e.FQ_HOST,
    logLevel: e.FQ_LOG_LEVEL,
    stack: {
      home,
      cacheDir: join(home, 'cache'),
      dataDir: join(home, 'data'),
      logDir: join(home, 'logs'),
      runDir: join(home, 'run'),
    },
    kafka: {
      brokers: (e.FQ_KAFKA_BROKERS ?? `${e.FQ_HOST}:${e.FQ_KAFKA_PORT}`).split(',').map((b) => b.trim()),
      port: e.FQ_KAFKA_PORT,
      controllerPort: e.FQ_KAFKA_CONTROLLER_PORT,
      heap: e.FQ_KAFKA_HEAP,
      embedded: e.FQ_KAFKA_BROKERS === undefined,
      client: e.FQ_KAFKA_CLIENT,
    },
    postgres: {
      url: e.DATABASE_URL ?? `postgres://fengqiao:fengqiao@${e.FQ_HOST}:${e.FQ_PG_PORT}/fengqiao`,
      port: e.FQ_PG_PORT,
      embedded: e.DATABASE_URL === undefined,
      engine: e.FQ_PG_ENGINE,
      plainPort: e.FQ_PLAIN_PG_PORT,
      plainUrl: `postgres://fengqiao:fengqiao@${e.FQ_HOST}:${e.FQ_PLAIN_PG_PORT}/postgres`,
      timescaleSource: resolve(
        e.FQ_TIMESCALEDB_SOURCE ?? join(repoRoot, '..', 'shared', 'vendor', 'timescaledb-2.28.3.tar.gz'),
      ),
      buildCacheDir: resolve(e.FQ_BUILD_CACHE ?? defaultBuildCache(env)),
    },
    api: {
      port: e.FQ_API_PORT,
      jwtSecret: e.FQ_JWT_SECRET,
      corsOrigins: e.FQ_CORS_ORIGINS?.split(',').map((o) => o.trim()),
      trustedProxies: trustedProxiesOf(e.FQ_TRUSTED_PROXIES, e.FQ_MODE),
      auditSigningKey: e.FQ_AUDIT_SIGNING_KEY,
    },
    ingest: {
      port: e.FQ_INGEST_PORT,
      sourcesPath: e.FQ_INGEST_SOURCES === undefined ? undefined : resolve(e.FQ_INGEST_SOURCES),
    },
    warning: { port: e.FQ_WARNING_PORT },
    reports: { port: e.FQ_REPORTS_PORT },
    dashboard: { port: e.FQ_DASHBOARD_PORT },
    media: {
      secret: e.FQ_MEDIA_SECRET,
      publicUrl: (e.FQ_MEDIA_PUBLIC_URL ?? `http://${e.FQ_HOST}:${e.FQ_MEDIA_HTTP_PORT}`).replace(/\/+$/, ''),
      relaysPath: e.FQ_MEDIA_RELAYS === undefined ? undefined : resolve(e.FQ_MEDIA_RELAYS),
      rtmpPort: e.FQ_MEDIA_RTMP_PORT,
      httpPort: e.FQ_MEDIA_HTTP_PORT,
      internalHttpPort: e.FQ_MEDIA_INTERNAL_HTTP_PORT,
    },
    geojsonPath: e.FQ_GEOJSON === undefined ? undefined : resolve(e.FQ_GEOJSON),
    city: {
      code: e.FQ_CITY_CODE,
      name: e.FQ_CITY_NAME,
      divisionsPath: e.FQ_CITY_DIVISIONS === undefined ? undefined : resolve(e.FQ_CITY_DIVISIONS),
    },
    partyKeySecret: e.FQ_PARTY_KEY_SECRET,
    notify: buildNotifyConfig(e, e.FQ_JWT_SECRET, `http://${e.FQ_HOST}:${e.FQ_DASHBOARD_PORT}`),
    tuning: buildTuning(e, e.FQ_MODE === 'production'),
    gb28181: buildGb28181Config(e),
  };
  // Production readiness first: its message says what to set (the brokers) before what follows from it.
  if (config.mode === 'production') assertProductionReady(config);
  const limits = tuningProblems(config.tuning, { embedded: config.kafka.embedded });
  if (limits.length > 0) throw new ConfigError(`Inconsistent tuning:\n  ${limits.join('\n  ')}`);
  return config;
}

/** /var/cache/fengqiao for root (shared by every clone on the machine), else ~/.cache/fengqiao. */
function defaultBuildCache(env: NodeJS.ProcessEnv): string {
  if (process.getuid?.() === 0) return '/var/cache/fengqiao';
  return join(env.XDG_CACHE_HOME ?? join(env.HOME ?? '/tmp', '.cache'), 'fengqiao');
}

const PROXY_ENTRY = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;

function trustedProxiesOf(given: string | undefined, mode: RuntimeMode): readonly string[] {
  if (given === undefined) return mode === 'production' ? [] : ['127.0.0.1', '::1'];
  if (given.trim() === 'none') return [];
  const entries = given.split(',').map((p) => p.trim());
  const bad = entries.filter((p) => !PROXY_ENTRY.test(p));
  if (bad.length > 0)
    throw new ConfigError(
      `Invalid configuration:\n  FQ_TRUSTED_PROXIES: not an address or CIDR: ${bad.join(', ')}`,
    );
  return entries;
}

function assertProductionReady(config: FengqiaoConfig): void {
  const problems: string[] = [];
  const weak = (s: string): boolean => s === DEV_SECRET || s.length < 32;
  if (weak(config.api.jwtSecret))
    problems.push('FQ_JWT_SECRET must be set to a random value of 32+ characters');
  if (weak(config.media.secret))
    problems.push('FQ_MEDIA_SECRET must be set to a random value of 32+ characters');
  if (weak(config.partyKeySecret))
    problems.push('FQ_PARTY_KEY_SECRET must be set to a random value of 32+ characters');
  if (weak(config.api.auditSigningKey))
    problems.push('FQ_AUDIT_SIGNING_KEY must be set to a random value of 32+ characters');
  if (weak(config.notify.secret))
    problems.push('FQ_NOTIFY_SECRET must be set to a random value of 32+ characters');
  if (config.postgres.embedded) problems.push('DATABASE_URL must point at the production database');
  if (config.kafka.embedded) problems.push('FQ_KAFKA_BROKERS must list the production brokers');
  // Decision 0002: after a SIGKILL its restarted member did not rejoin its group; not for production yet.
  if (config.kafka.client === 'platformatic')
    problems.push('FQ_KAFKA_CLIENT=platformatic is experimental (decision 0002); use kafkajs');
  if (problems.length > 0) {
    throw new ConfigError(`Refusing to start in production mode:\n  ${problems.join('\n  ')}`);
  }
}
