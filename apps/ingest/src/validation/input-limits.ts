import { type IngestTuning } from '@fengqiao/config';

/**
 * What the ingest takes, from Kafka and HTTP alike: the largest message and the time window of
 * `occurredAt` (FQ_INGEST_MAX_MESSAGE_BYTES, FQ_INGEST_MAX_FUTURE_SKEW_MS, FQ_INGEST_MAX_EVENT_AGE_DAYS;
 * their one home and reasons: config.tuning.ingest).
 */
export type InputLimits = Pick<IngestTuning, 'maxMessageBytes' | 'maxFutureSkewMs' | 'maxEventAgeMs'>;
