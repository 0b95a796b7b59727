import {
  cameraAnalyticsRow,
  cameraRow,
  cameraStatusRow,
  caseEventRow,
  withTransaction,
  type CameraAnalyticsRow,
  type CameraRegionRow,
  type CameraRow,
  type CameraStatusAppender,
  type CameraStatusRow,
  type CaseEventRow,
  type DbPool,
  type EventStoreRepository,
} from '@fengqiao/db';
import { type IngestEvent } from '../validation/event-validator';
import { type CameraDirectory } from './camera-directory';

/** Rows of one flush, by table. */
export interface WriteSet {
  readonly cases: CaseEventRow[];
  readonly cameras: CameraRow[];
  readonly status: CameraStatusRow[];
  readonly analytics: CameraAnalyticsRow[];
}

/** Builds the rows of a flush; analytics events need their camera's region, looked up beforehand. */
export function writeSetOf(events: readonly IngestEvent[], regions: Map<string, CameraRegionRow>): WriteSet {
  const set: WriteSet = { cases: [], cameras: [], status: [], analytics: [] };
  const seen = new Set<string>();
  for (const e of events) {
    // A duplicate inside one statement would join twice in the rollup: keep the first.
    if (seen.has(e.event.eventId)) continue;
    seen.add(e.event.eventId);
    switch (e.kind) {
      case 'case':
        set.cases.push(caseEventRow(e.event));
        break;
      case 'cameraRegistered':
        set.cameras.push(cameraRow(e.event));
        break;
      case 'cameraStatus':
        set.status.push(cameraStatusRow(e.event));
        break;
      case 'cameraAnalytics': {
        const region = regions.get(e.event.cameraId);
        if (region !== undefined) set.analytics.push(cameraAnalyticsRow(e.event, region));
        break;
      }
    }
  }
  return set;
}

/**
 * Writes one flush: each table family in its own transaction, in parallel, so the database can use
 * more than one core. Atomicity across families is not needed: every statement is idempotent (ON
 * CONFLICT on event id; rollups count only what that same statement inserted) and the offsets are
 * committed only after all of them, so a partial failure is simply written again.
 */
async function writeInParallel(
  pool: DbPool,
  store: EventStoreRepository,
  set: WriteSet,
  status: CameraStatusAppender,
): Promise<{ inserted: number }> {
  const counts = await Promise.all([
    set.cameras.length === 0 ? 0 : withTransaction(pool, (c) => store.upsertCameras(c, set.cameras)),
    set.cases.length === 0 ? 0 : withTransaction(pool, (c) => store.insertCaseEvents(c, set.cases)),
    status.append(pool, set.status),
    set.analytics.length === 0
      ? 0
      : withTransaction(pool, (c) => store.insertCameraAnalytics(c, set.analytics)),
  ]);
  return { inserted: counts.reduce((a, b) => a + b, 0) };
}

export interface WriteOutcome {
  /** Events committed (new or already stored before). */
  readonly stored: IngestEvent[];
  /** Camera events whose camera is not in the registry: not written. */
  readonly unknownCamera: IngestEvent[];
  /**
   * Case steps (`triaged` and later) whose case has no `reported` event, neither stored nor in this
   * flush: not written, so no orphan step is ever stored (issue 17 #11).
   */
  readonly unknownCase: IngestEvent[];
  /** Rows actually inserted; the rest of `stored` were duplicates. */
  readonly inserted: number;
}

/** Resolves camera regions and writes a flush's valid events in one transaction. */
export class EventWriter {
  constructor(
    private readonly pool: DbPool,
    private readonly store: EventStoreRepository,
    private readonly directory: CameraDirectory,
    /** Status history and latest state (the 90 % of the traffic). */
    private readonly status: CameraStatusAppender,
  ) {}

  async write(events: readonly IngestEvent[]): Promise<WriteOutcome> {
    const registeredHere = new Map<string, CameraRegionRow>();
    for (const e of events) {
      if (e.kind === 'cameraRegistered') {
        const { cameraId, region } = e.event;
        registeredHere.set(cameraId, { cameraId, county: region.county, township: region.township });
      }
    }
    const wanted = new Set<string>();
    for (const e of events)
      if (needsCamera(e) && !registeredHere.has(e.event.cameraId)) wanted.add(e.event.cameraId);
    const regions = await this.directory.resolve(wanted);
    for (const [id, row] of registeredHere) regions.set(id, row);
    const knownCases = await this.knownCases(events);
    const stored: IngestEvent[] = [];
    const unknownCamera: IngestEvent[] = [];
    const unknownCase: IngestEvent[] = [];
    for (const e of events) {
      if (needsCamera(e) && !regions.has(e.event.cameraId)) unknownCamera.push(e);
      else if (isCaseStep(e) && !knownCases.has(e.event.caseId)) unknownCase.push(e);
      else stored.push(e);
    }
    const set = writeSetOf(stored, regions);
    const { inserted } = await writeInParallel(this.pool, this.store, set, this.status);
    this.directory.remember(registeredHere.values());
    return { stored, unknownCamera, unknownCase, inserted };
  }

  /**
   * Cases a step of this flush may join: reported in this flush (one statement stores both, and the
   * caseId-keyed partition delivers a case's events in order), or already in `cases`.
   */
  private async knownCases(events: readonly IngestEvent[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const e of events) if (e.kind === 'case' && e.event.type === 'reported') known.add(e.event.caseId);
    const wanted = new Set<string>();
    for (const e of events) if (isCaseStep(e) && !known.has(e.event.caseId)) wanted.add(e.event.caseId);
    for (const id of await this.store.findKnownCases(this.pool, [...wanted])) known.add(id);
    return known;
  }
}

function isCaseStep(e: IngestEvent): e is Extract<IngestEvent, { kind: 'case' }> {
  return e.kind === 'case' && e.event.type !== 'reported';
}

function needsCamera(
  e: IngestEvent,
): e is Extract<IngestEvent, { kind: 'cameraStatus' } | { kind: 'cameraAnalytics' }> {
  return e.kind === 'cameraStatus' || e.kind === 'cameraAnalytics';
}
