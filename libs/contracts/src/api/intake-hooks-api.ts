import { z } from 'zod';

/**
 * Media servers' webhooks the ingest takes as camera status (docs/sources.md): their documented
 * body formats, validated by libs/source-auth and listed in the intake's OpenAPI document. The
 * senders cannot sign, so a hook URL carries its key source in the query (`?source=<id>&key=<key>`).
 */

/** The hooks of ZLMediaKit's [hook] section that the intake takes. */
export const ZLM_HOOKS = ['on_stream_changed', 'on_stream_none_reader', 'on_server_keepalive'] as const;
export type ZlmHook = (typeof ZLM_HOOKS)[number];

const zlmTrackSchema = z
  .object({ codec_type: z.number().optional(), fps: z.number().optional() })
  .passthrough();
/** on_stream_changed: `regist` true when a stream appears, false when it goes, once per protocol. */
export const zlmStreamChangedSchema = z
  .object({
    regist: z.boolean(),
    app: z.string(),
    stream: z.string().min(1).max(128),
    schema: z.string(),
    vhost: z.string().optional(),
    mediaServerId: z.string().optional(),
    tracks: z.array(zlmTrackSchema).optional(),
  })
  .passthrough();
export const zlmNoneReaderSchema = z
  .object({ app: z.string(), stream: z.string(), schema: z.string(), mediaServerId: z.string().optional() })
  .passthrough();
export const zlmKeepaliveSchema = z
  .object({ mediaServerId: z.string().optional(), data: z.unknown() })
  .passthrough();

/** node-media-server 4.x's notify webhook: one body per action (text/plain JSON). */
export const nmsNotifySchema = z
  .object({
    action: z.enum([
      'prePlay',
      'postPlay',
      'donePlay',
      'prePublish',
      'postPublish',
      'donePublish',
      'postRecord',
      'doneRecord',
    ]),
    id: z.string().optional(),
    app: z.string().optional(),
    name: z.string().min(1).max(128),
    protocol: z.string().optional(),
  })
  .passthrough();

/** What ZLMediaKit expects back: code 0 (none-reader also `close: false`: we never close its streams). */
export const zlmHookReplySchema = z.object({
  code: z.literal(0),
  msg: z.string().optional(),
  close: z.literal(false).optional(),
});
export const nmsHookReplySchema = z.object({ ok: z.literal(true) });

/** Query parameters that authenticate a hook (key sources; docs/sources.md). */
export const HOOK_AUTH_QUERY = {
  source: { name: 'source', description: 'The source id, as registered (a key source).' },
  key: { name: 'key', description: 'Its key (or the X-FQ-Key header).' },
} as const;

export interface IntakeHookPath {
  /** OpenAPI path template (`{hook}` for ZLMediaKit's hook name). */
  readonly path: string;
  readonly summary: string;
  /** The body per hook name (ZLMediaKit), or the one body. */
  readonly body: z.ZodType;
  readonly reply: z.ZodType;
  readonly hookNames?: readonly string[];
  readonly statuses: Readonly<Record<number, string>>;
}

const HOOK_STATUSES = {
  200: 'Acknowledged the way the media server expects; when the hook maps to a camera status, that status was produced to video.camera-status.reported.v1.',
  400: 'The body is not the documented hook format: SCHEMA_INVALID, or a validator code (EMPTY, NOT_UTF8, NOT_JSON, …).',
  401: 'The source is not authenticated: UNSIGNED, UNKNOWN_SOURCE or BAD_SIGNATURE (a wrong key).',
  403: 'OUT_OF_SCOPE: the source may not report camera status or about this county.',
  404: 'BAD_REQUEST: not one of the ZLMediaKit hooks taken (the body lists them).',
  413: 'OVERSIZED: the body exceeds FQ_INGEST_MAX_MESSAGE_BYTES.',
  422: 'UNKNOWN_CAMERA: the stream names a camera not in the registry.',
  503: 'KAFKA_UNAVAILABLE: retry after the Retry-After header (seconds).',
} as const;

/** The hook routes of the ingest's HTTP server (apps/ingest/src/http/hook-routes.ts). */
export const INTAKE_HOOK_PATHS: readonly IntakeHookPath[] = [
  {
    path: '/v1/hooks/zlmediakit/{hook}',
    summary:
      'A ZLMediaKit hook (on_stream_changed, on_stream_none_reader, on_server_keepalive); on_stream_changed of the rtsp registration of a stream named after a camera (or `<device>_<channel>`) becomes camera.status.v1 with source media.',
    body: z.union([zlmStreamChangedSchema, zlmNoneReaderSchema, zlmKeepaliveSchema]),
    reply: zlmHookReplySchema,
    hookNames: ZLM_HOOKS,
    statuses: HOOK_STATUSES,
  },
  {
    path: '/v1/hooks/node-media-server',
    summary:
      'node-media-server’s notify webhook; postPublish / donePublish of a stream named after a camera become camera.status.v1 online / offline.',
    body: nmsNotifySchema,
    reply: nmsHookReplySchema,
    statuses: HOOK_STATUSES,
  },
];
