import { z } from 'zod';
import { cameraAnalyticsSchema, cameraRegisteredSchema, cameraStatusSchema } from '../events/camera-event';
import { caseEventSchema } from '../events/case-event';
import { eventIdSchema } from '../ids';

/**
 * Why the ingest refused a message: the `fq-dlq-code` header of a dead letter (consumer) and the
 * `error.code` of a refused intake request (HTTP).
 */
export const INTAKE_REJECT_CODES = [
  'EMPTY',
  'OVERSIZED',
  'NOT_UTF8',
  'NOT_JSON',
  'FORBIDDEN_KEY',
  'FORBIDDEN_CHARACTER',
  'SCHEMA_INVALID',
  'INCONSISTENT_IDS',
  'TIMESTAMP_OUT_OF_RANGE',
  'UNKNOWN_CAMERA',
  'UNKNOWN_CASE',
  'DB_REJECTED',
  'REGION_OUTSIDE_CITY',
  'LOCATION_OUTSIDE_CITY',
] as const;
export type IntakeRejectCode = (typeof INTAKE_REJECT_CODES)[number];

/**
 * Why the HTTP intake refused a source's credential or scope (docs/sources.md): 401 for a missing,
 * unknown, wrong or stale credential, 409 for a replayed signature, 403 for an event outside the
 * source's kinds or regions. Each is counted (`fq_intake_refused_total{code}`).
 */
export const SOURCE_REFUSAL_CODES = [
  /** 401: no X-FQ-Source, or the source's signature headers (or key) missing. */
  'UNSIGNED',
  /** 401: the named source is not in the registry. */
  'UNKNOWN_SOURCE',
  /** 401: the signature (or key) matches none of the source's active keys. */
  'BAD_SIGNATURE',
  /** 401: X-FQ-Timestamp is not unix seconds or lies outside the replay window (±300 s). */
  'STALE_TIMESTAMP',
  /** 409: this exact signed request was already accepted within the window. */
  'REPLAYED',
  /** 403: the source may not send this event kind or report about this county. */
  'OUT_OF_SCOPE',
] as const;
export type SourceRefusalCode = (typeof SOURCE_REFUSAL_CODES)[number];

/** The headers of a signed intake request (docs/sources.md has a worked example). */
export const SOURCE_AUTH_HEADERS = {
  source: { name: 'X-FQ-Source', description: 'The source id, as registered.' },
  timestamp: { name: 'X-FQ-Timestamp', description: 'Unix seconds when signed (HMAC sources).' },
  signature: {
    name: 'X-FQ-Signature',
    description: 'v1=<hex HMAC-SHA256 under the source key of `<timestamp>.<path>.<body>`> (HMAC sources).',
  },
  key: { name: 'X-FQ-Key', description: 'The key itself (key sources only; hooks may pass ?key= instead).' },
} as const;

/** Every `error.code` the HTTP intake answers with: the refusals, then the transport's own. */
export const INTAKE_ERROR_CODES = [
  ...INTAKE_REJECT_CODES,
  ...SOURCE_REFUSAL_CODES,
  /** 415: a body that is not `application/json`. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Another 4xx the HTTP layer refused before the validator saw the body. */
  'BAD_REQUEST',
  /** 503 with Retry-After: Kafka did not acknowledge in time. */
  'KAFKA_UNAVAILABLE',
  'INTERNAL',
] as const;
export const intakeErrorCodeSchema = z.enum(INTAKE_ERROR_CODES);
export type IntakeErrorCode = z.infer<typeof intakeErrorCodeSchema>;

/** The body of every refused intake request: a code and a reason free of field values. */
export const intakeErrorBodySchema = z
  .object({ error: z.object({ code: intakeErrorCodeSchema, reason: z.string() }).strict() })
  .strict();
export type IntakeErrorBody = z.infer<typeof intakeErrorBodySchema>;

/** 202: the event is on its input topic (validated exactly as the consumer validates it). */
export const intakeAcceptedSchema = z.object({ eventId: eventIdSchema }).strict();
export type IntakeAccepted = z.infer<typeof intakeAcceptedSchema>;

/** One HTTP intake endpoint of the ingest: its path, what it takes and what it answers. */
export interface IntakePath {
  readonly path: string;
  readonly summary: string;
  readonly body: z.ZodType;
  /** HTTP statuses and what each means; error statuses carry `intakeErrorBodySchema`. */
  readonly statuses: Readonly<Record<number, string>>;
}

const INTAKE_STATUSES = {
  202: 'Accepted: produced to the input topic; the body names the event id.',
  400: 'Refused by the validator (EMPTY, NOT_UTF8, NOT_JSON, FORBIDDEN_KEY, FORBIDDEN_CHARACTER, SCHEMA_INVALID, INCONSISTENT_IDS, TIMESTAMP_OUT_OF_RANGE) or by the HTTP layer (BAD_REQUEST).',
  401: 'The source is not authenticated: UNSIGNED, UNKNOWN_SOURCE, BAD_SIGNATURE or STALE_TIMESTAMP.',
  403: 'OUT_OF_SCOPE: the source may not send this event kind or report about this county.',
  409: 'REPLAYED: this signed request was already accepted.',
  413: 'OVERSIZED: the body exceeds 1 MiB.',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json.',
  422: 'UNKNOWN_CAMERA, UNKNOWN_CASE, DB_REJECTED, REGION_OUTSIDE_CITY (a region code or camera id outside the configured city, FQ_CITY_CODE), or LOCATION_OUTSIDE_CITY (a location outside the city’s extent: its outlines’ bounding box + 10 km).',
  503: 'KAFKA_UNAVAILABLE: retry after the Retry-After header (seconds).',
} as const;

/** The ingest's HTTP intake (port FQ_INGEST_PORT), for systems that cannot produce to Kafka. */
export const INTAKE_PATHS: readonly IntakePath[] = [
  {
    path: '/v1/intake/case-events',
    summary: 'One case event (case.event.v1), produced to intake.case.recorded.v1.',
    body: caseEventSchema,
    statuses: INTAKE_STATUSES,
  },
  {
    path: '/v1/intake/camera-events',
    summary:
      'One camera event, produced to the topic of its `schema`: camera.status.v1, camera.analytics.v1 or camera.registered.v1.',
    body: z.union([cameraStatusSchema, cameraAnalyticsSchema, cameraRegisteredSchema]),
    statuses: INTAKE_STATUSES,
  },
];

/**
 * Kafka headers of a dead letter (`dlq.<topic>`). The value is the refused message byte for byte
 * (cut to its first 64 KiB when it would not fit the broker with its envelope).
 */
export const DEAD_LETTER_HEADERS = {
  code: { name: 'fq-dlq-code', description: 'The refusal code (one of INTAKE_REJECT_CODES).' },
  reason: { name: 'fq-dlq-reason', description: 'Why, free of field values (zod paths and messages).' },
  sourceTopic: { name: 'fq-source-topic', description: 'The topic the message came from.' },
  sourcePartition: { name: 'fq-source-partition', description: 'Its partition (decimal).' },
  sourceOffset: { name: 'fq-source-offset', description: 'Its offset (decimal).' },
  deadLetteredAt: { name: 'fq-dead-lettered-at', description: 'When it was refused (ISO 8601).' },
  truncatedFrom: {
    name: 'fq-dlq-truncated-from',
    description: 'Only on a cut payload: its original size in bytes.',
  },
  sha256: { name: 'fq-dlq-sha256', description: 'Only on a cut payload: the SHA-256 of the original.' },
} as const;
