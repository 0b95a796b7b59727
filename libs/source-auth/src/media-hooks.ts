import {
  nmsNotifySchema,
  zlmKeepaliveSchema,
  zlmNoneReaderSchema,
  zlmStreamChangedSchema,
  type ZlmHook,
} from '@fengqiao/contracts';
import { type z } from 'zod';

/** A camera status a media server's hook says, before it becomes a camera.status.v1 event. */
export interface HookStatus {
  readonly cameraId: string;
  readonly online: boolean;
  readonly fps?: number;
}

/** What a hook means here: a camera status, or nothing (and why), always acknowledged. */
export type HookMapping =
  | { readonly kind: 'status'; readonly status: HookStatus }
  | { readonly kind: 'ignored'; readonly why: string };

// The hook formats are wire formats: their home is libs/contracts (intake-hooks-api.ts).
export { ZLM_HOOKS, type ZlmHook } from '@fengqiao/contracts';

// A GB/T 28181 id by its shape (any city's); the registry decides whether it is one of ours.
const CAMERA_ID = /^[1-8]\d{19}$/;

/**
 * The camera a stream name stands for: the name itself when it is a 20-digit id, or the channel of
 * a GB/T 28181 stream named `<device id>_<channel id>` (how WVP-GB28181-pro names ZLMediaKit streams).
 */
export function cameraOfStream(name: string): string | undefined {
  if (CAMERA_ID.test(name)) return name;
  const channel = name.split('_')[1];
  return name.split('_').length === 2 && channel !== undefined && CAMERA_ID.test(channel)
    ? channel
    : undefined;
}

export class HookFormatError extends Error {
  readonly code = 'SCHEMA_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'HookFormatError';
  }
}

function parsed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new HookFormatError(
      `${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}

/**
 * ZLMediaKit's hooks as camera status. A stream registers once per protocol it is remuxed to; only
 * its `rtsp` registration counts (ZLMediaKit always makes one), so one change gives one event.
 * None-reader and server keepalive say nothing about a camera: acknowledged, not mapped.
 */
export function mapZlmHook(hook: ZlmHook, body: unknown): HookMapping {
  switch (hook) {
    case 'on_stream_changed': {
      const e = parsed(zlmStreamChangedSchema, body, hook);
      if (e.schema !== 'rtsp') return { kind: 'ignored', why: `the ${e.schema} registration (rtsp counts)` };
      const cameraId = cameraOfStream(e.stream);
      if (cameraId === undefined)
        return { kind: 'ignored', why: 'the stream is not named after a camera id' };
      const fps = e.tracks?.find((t) => t.codec_type === 0)?.fps;
      return {
        kind: 'status',
        status: { cameraId, online: e.regist, ...(e.regist && fps !== undefined && fps > 0 ? { fps } : {}) },
      };
    }
    case 'on_stream_none_reader':
      parsed(zlmNoneReaderSchema, body, hook);
      return { kind: 'ignored', why: 'nobody watching says nothing about the camera' };
    case 'on_server_keepalive':
      parsed(zlmKeepaliveSchema, body, hook);
      return { kind: 'ignored', why: 'a media server keepalive, not a camera' };
  }
}

/** The answer ZLMediaKit expects: code 0; none-reader also `close: false` (we never close its streams). */
export function zlmReply(hook: ZlmHook): Record<string, unknown> {
  return hook === 'on_stream_none_reader' ? { code: 0, close: false } : { code: 0, msg: 'success' };
}

/** node-media-server's postPublish / donePublish as online / offline; the other actions are not a camera's state. */
export function mapNmsNotify(body: unknown): HookMapping {
  const e = parsed(nmsNotifySchema, body, 'node-media-server notify');
  if (e.action !== 'postPublish' && e.action !== 'donePublish')
    return { kind: 'ignored', why: `${e.action} is not a change of the camera's stream` };
  const cameraId = cameraOfStream(e.name);
  if (cameraId === undefined) return { kind: 'ignored', why: 'the stream is not named after a camera id' };
  return { kind: 'status', status: { cameraId, online: e.action === 'postPublish' } };
}
