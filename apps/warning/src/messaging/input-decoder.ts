import {
  alertChangedSchema,
  cameraAnalyticsSchema,
  cameraRegisteredSchema,
  cameraStatusSchema,
  caseEventSchema,
  plainCameraAnalytics,
  plainCameraStatus,
  type CameraRegistered,
} from '@fengqiao/contracts';
import { type EngineInput } from '@fengqiao/rules';
import { type WarningTopicKind } from '../warning-topics';

/** A consumed message after validation: an engine input, a registry entry, or garbage. */
export type Decoded =
  | { readonly kind: 'input'; readonly input: EngineInput }
  | { readonly kind: 'registered'; readonly camera: CameraRegistered }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Parses one message by the contract of its topic. Ingest already dead-letters invalid input, so
 * an invalid message here is skipped and counted, never fatal. Camera heartbeats and detections
 * (~98 % of the traffic) first meet the contract's plain-valid checks, which skip zod's parse when
 * an event is certainly valid and leave every doubtful one to the schema (decision 0017).
 */
export function decode(kind: WarningTopicKind, value: Buffer | null): Decoded {
  if (value === null) return { kind: 'invalid', reason: 'empty message' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const result = parseAs(kind, json);
  return result ?? { kind: 'invalid', reason: `not a valid ${kind} message` };
}

function parseAs(kind: WarningTopicKind, json: unknown): Decoded | undefined {
  switch (kind) {
    case 'case': {
      const r = caseEventSchema.safeParse(json);
      return r.success ? { kind: 'input', input: { kind: 'case', event: r.data } } : undefined;
    }
    case 'cameraStatus': {
      const plain = plainCameraStatus(json);
      if (plain !== undefined) return { kind: 'input', input: { kind: 'camera-status', event: plain } };
      const r = cameraStatusSchema.safeParse(json);
      return r.success ? { kind: 'input', input: { kind: 'camera-status', event: r.data } } : undefined;
    }
    case 'cameraAnalytics': {
      const plain = plainCameraAnalytics(json);
      if (plain !== undefined) return { kind: 'input', input: { kind: 'camera-analytics', event: plain } };
      const r = cameraAnalyticsSchema.safeParse(json);
      return r.success ? { kind: 'input', input: { kind: 'camera-analytics', event: r.data } } : undefined;
    }
    case 'cameraRegistered': {
      const r = cameraRegisteredSchema.safeParse(json);
      return r.success ? { kind: 'registered', camera: r.data } : undefined;
    }
    case 'alertChanges': {
      const r = alertChangedSchema.safeParse(json);
      return r.success ? { kind: 'input', input: { kind: 'alert-changed', change: r.data } } : undefined;
    }
  }
}
