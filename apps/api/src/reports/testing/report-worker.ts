import request from 'supertest';
import { type ReportMetadata, type ReportRequest, type ReportRequestStatus } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import {
  PdfRenderer,
  ReportGenerator,
  ReportRequestWorker,
  type RequestWorkerOptions,
} from '@fengqiao/reports-app';
import { pollUntil, testConfig } from '@fengqiao/testing';

/** The apps/reports request worker, in the test's process against the run's database (as apps/reports runs it). */
export interface TestWorker {
  readonly worker: ReportRequestWorker;
  close(): Promise<void>;
}

export function startWorker(pool: DbPool, options: Partial<RequestWorkerOptions> = {}): TestWorker {
  const pdf = new PdfRenderer();
  const generator = new ReportGenerator({ pool, pdf, city: testConfig().city });
  const worker = new ReportRequestWorker(pool, generator, Date.now, () => undefined, {
    pollMs: 100,
    staleMs: 5 * 60_000,
    maxAttempts: 2,
    ...options,
  });
  return {
    worker,
    close: async () => {
      await worker.stop();
      await pdf.close();
    },
  };
}

/** GET a request until it is ready or failed. */
export function settled(url: string, auth: Record<string, string>, id: string): Promise<ReportRequestStatus> {
  return pollUntil(
    async () => {
      const res = await request(url).get(`/api/reports/requests/${id}`).set(auth).expect(200);
      const s = res.body as ReportRequestStatus;
      return s.state === 'ready' || s.state === 'failed' ? s : undefined;
    },
    `report request ${id} to settle`,
    { timeoutMs: 90_000, everyMs: 150 },
  );
}

/** Requests a report (202), waits for the worker to make it and returns its metadata. */
export async function generated(
  url: string,
  auth: Record<string, string>,
  body: ReportRequest,
): Promise<ReportMetadata> {
  const queued = (await request(url).post('/api/reports').set(auth).send(body).expect(202))
    .body as ReportRequestStatus;
  const done = await settled(url, auth, queued.id);
  if (done.state !== 'ready' || done.reportId === null) throw new Error(`request ${done.state}`);
  return (await request(url).get(`/api/reports/${done.reportId}`).set(auth).expect(200))
    .body as ReportMetadata;
}
