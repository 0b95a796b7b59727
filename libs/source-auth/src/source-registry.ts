import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

/** What a source may send through the HTTP intake, one entry per input topic. */
export const SOURCE_EVENT_KINDS = ['case', 'camera.status', 'camera.analytics', 'camera.registered'] as const;
export type SourceEventKind = (typeof SOURCE_EVENT_KINDS)[number];

/**
 * How a source proves itself: `hmac` signs each request (body, path, timestamp); `key` sends its key
 * as it is (for media servers whose hooks can only be configured with a URL: ZLMediaKit,
 * node-media-server). A key source is weaker (no replay window): give it only camera status.
 */
export const SOURCE_AUTH_MODES = ['hmac', 'key'] as const;
export type SourceAuthMode = (typeof SOURCE_AUTH_MODES)[number];

/** Demo keys start with this; production refuses any of them (and the built-in demo registry). */
export const DEMO_KEY_PREFIX = 'fq-demo-';
/** The shortest secret a source may have: 32 characters (openssl rand -hex 32 gives 64). */
export const MIN_SECRET_LENGTH = 32;

const keySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'key id: 1-32 letters, digits, _ . -'),
    secret: z.string().min(MIN_SECRET_LENGTH, `secret must have ${MIN_SECRET_LENGTH}+ characters`).max(256),
  })
  .strict();

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'source id: 2-64 lower-case letters, digits, -'),
    name: z.string().min(1).max(120).optional(),
    auth: z.enum(SOURCE_AUTH_MODES).default('hmac'),
    /** One key, or two while a rotation is under way (the old one is retired once unused). */
    keys: z.array(keySchema).min(1).max(2),
    kinds: z.array(z.enum(SOURCE_EVENT_KINDS)).min(1),
    /** County codes (GB/T 2260, 6 digits) the source may report about, or ['*'] for the whole city. */
    regions: z
      .array(z.union([z.literal('*'), z.string().regex(/^\d{6}$/, 'region: a 6-digit county code')]))
      .min(1),
  })
  .strict()
  .refine((s) => new Set(s.keys.map((k) => k.id)).size === s.keys.length, {
    message: 'two keys of one source need different ids',
    path: ['keys'],
  });
export type Source = z.infer<typeof sourceSchema>;

export const sourceFileSchema = z
  .object({ sources: z.array(sourceSchema).max(10_000) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.sources.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source ${s.id}` });
      seen.add(s.id);
    });
  });

export class SourceRegistryError extends Error {
  constructor(
    readonly code: 'SOURCE_REGISTRY_INVALID' | 'SOURCE_REGISTRY_DEMO_KEYS_IN_PRODUCTION',
    message: string,
  ) {
    super(message);
    this.name = 'SourceRegistryError';
  }
}

/** The sources the intake knows, by id. */
export interface SourceRegistry {
  readonly sources: ReadonlyMap<string, Source>;
  /** Where it was read from ('built-in demo registry' outside production when no file is given). */
  readonly origin: string;
}

/** Parses a registry file's text; every problem listed with its path, secrets never echoed. */
export function parseSourceRegistry(text: string, origin: string, production: boolean): SourceRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SourceRegistryError(
      'SOURCE_REGISTRY_INVALID',
      `${origin}: not JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const parsed = sourceFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SourceRegistryError('SOURCE_REGISTRY_INVALID', `${origin}: ${problems.join('; ')}`);
  }
  return registryOf(parsed.data.sources, origin, production);
}

function registryOf(sources: readonly Source[], origin: string, production: boolean): SourceRegistry {
  if (production) {
    const demo = sources.flatMap((s) =>
      s.keys.filter((k) => k.secret.startsWith(DEMO_KEY_PREFIX)).map((k) => `${s.id}/${k.id}`),
    );
    if (demo.length > 0)
      throw new SourceRegistryError(
        'SOURCE_REGISTRY_DEMO_KEYS_IN_PRODUCTION',
        `${origin}: production refuses demo keys (${demo.join(', ')}); issue each source a random key (openssl rand -hex 32)`,
      );
  }
  return { sources: new Map(sources.map((s) => [s.id, s])), origin };
}

/**
 * The registry outside production when no file is configured: the simulator's and the test
 * producers' source, allowed everything, with a published demo key. Production never gets it.
 */
export const DEMO_SOURCE: Source = {
  id: 'demo',
  name: 'Demo and test producers (never in production)',
  auth: 'hmac',
  keys: [{ id: 'demo-1', secret: `${DEMO_KEY_PREFIX}intake-key-0123456789abcdef` }],
  kinds: [...SOURCE_EVENT_KINDS],
  regions: ['*'],
};
/** The demo media server's hook source (key mode: hooks carry the key in their URL). */
export const DEMO_HOOK_SOURCE: Source = {
  id: 'demo-media',
  name: 'Demo media server hooks (never in production)',
  auth: 'key',
  keys: [{ id: 'demo-1', secret: `${DEMO_KEY_PREFIX}hook-key-0123456789abcdef0` }],
  kinds: ['camera.status'],
  regions: ['*'],
};

/** The file at `path`, or (outside production only) the built-in demo registry. */
export function loadSourceRegistry(path: string | undefined, production: boolean): SourceRegistry {
  if (path === undefined) {
    if (production)
      throw new SourceRegistryError(
        'SOURCE_REGISTRY_INVALID',
        'production needs FQ_INGEST_SOURCES (a registry file)',
      );
    return registryOf([DEMO_SOURCE, DEMO_HOOK_SOURCE], 'built-in demo registry', false);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SourceRegistryError(
      'SOURCE_REGISTRY_INVALID',
      `cannot read source registry ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  return parseSourceRegistry(text, path, production);
}

/**
 * Re-reads the registry file when it changes (mtime or size), so a key is added or retired without
 * a restart. A broken new file is reported and the previous registry stays in force.
 */
export class SourceRegistryWatch {
  private current: SourceRegistry;
  private stamp: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string | undefined,
    private readonly production: boolean,
    private readonly onReload: (
      outcome: { ok: true; sources: number } | { ok: false; error: string },
    ) => void,
  ) {
    this.current = loadSourceRegistry(path, production);
    this.stamp = this.stampOf();
  }

  registry(): SourceRegistry {
    return this.current;
  }

  start(everyMs: number): void {
    if (this.path === undefined || this.timer !== undefined) return;
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reloads now when the file changed; returns whether it did. */
  check(): boolean {
    const stamp = this.stampOf();
    if (stamp === this.stamp) return false;
    this.stamp = stamp;
    try {
      this.current = loadSourceRegistry(this.path, this.production);
      this.onReload({ ok: true, sources: this.current.sources.size });
      return true;
    } catch (err) {
      this.onReload({ ok: false, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }

  private stampOf(): string {
    if (this.path === undefined) return '';
    try {
      const s = statSync(this.path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'missing';
    }
  }
}
