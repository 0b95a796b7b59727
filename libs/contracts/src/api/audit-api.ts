import { z } from 'zod';

/** The answer of GET /api/audit/verify: whether the audit log's hash chain holds, and where not. */
export const auditVerifyResponseSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBadSeq: z.number().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponseSchema>;
