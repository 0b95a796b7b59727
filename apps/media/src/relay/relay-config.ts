import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cameraIdSchema } from '@fengqiao/contracts';

/** Protocols a relay may pull from. No `file:` or pipes: a config must not read the media host's disk. */
const SOURCE_PROTOCOLS = ['rtsp:', 'rtsps:', 'rtmp:', 'rtmps:', 'http:', 'https:', 'srt:'] as const;

const sourceSchema = z
  .string()
  .url()
  .refine((s) => (SOURCE_PROTOCOLS as readonly string[]).includes(new URL(s).protocol), {
    message: `source must be one of ${SOURCE_PROTOCOLS.map((p) => p.slice(0, -1)).join(', ')}`,
  });

/** One camera the media service pulls from its own source (an IPC's RTSP, an NVR channel). */
export const relaySchema = z
  .object({
    cameraId: cameraIdSchema,
    source: sourceSchema,
    /** RTSP over TCP survives lossy links and firewalls; UDP only where the network is known clean. */
    transport: z.enum(['tcp', 'udp']).default('tcp'),
    /** Camera audio (often G.711) transcoded to AAC; off by default: a command wall plays no sound. */
    audio: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();
export type Relay = z.infer<typeof relaySchema>;

export const relayFileSchema = z
  .object({ relays: z.array(relaySchema).max(40_000) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.relays.forEach((r, i) => {
      if (seen.has(r.cameraId))
        ctx.addIssue({
          code: 'custom',
          path: ['relays', i, 'cameraId'],
          message: `duplicate camera ${r.cameraId}`,
        });
      seen.add(r.cameraId);
    });
  });

export class RelayConfigError extends Error {
  readonly code = 'MEDIA_RELAY_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'RelayConfigError';
  }
}

/** Parses a relay file's text; every problem is listed with its path, credentials never echoed. */
export function parseRelays(text: string, origin: string): Relay[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RelayConfigError(`${origin}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = relayFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RelayConfigError(`${origin}: ${problems.join('; ')}`);
  }
  return parsed.data.relays.filter((r) => r.enabled);
}

export function loadRelays(path: string): Relay[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RelayConfigError(
      `cannot read relay file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  return parseRelays(text, path);
}

/** A source URL fit for a log line: the user and password of `rtsp://user:pass@host` and the query removed. */
export function redactSource(source: string): string {
  const url = new URL(source);
  const hadQuery = url.search !== '';
  if (url.username !== '' || url.password !== '') {
    url.username = '***';
    url.password = '';
  }
  url.search = '';
  return `${url.toString()}${hadQuery ? '?…' : ''}`;
}
