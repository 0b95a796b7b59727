import { z } from 'zod';
import { caseCategorySchema } from '../events/case-event';
import { caseIdSchema } from '../ids';
import { caseIntakeRequestSchema, routingSchema } from './cases-api';

// The intake's own field rules: a case made from an alert is checked as one made at the window.
const intake = caseIntakeRequestSchema.shape;

/**
 * POST /api/alerts/:alertId/case: the duty officer turns an alert into a case. The place comes from
 * the alert; category and summary are prefilled from the rule's facts (`@fengqiao/domain`
 * `caseDraftFromAlert`) and may be corrected here. No parties: an alert names nobody, and whoever
 * turns up is recorded on the case later.
 */
export const alertCaseRequestSchema = z
  .object({
    category: intake.category.optional(),
    summary: intake.summary.optional(),
  })
  .strict();
export type AlertCaseRequest = z.infer<typeof alertCaseRequestSchema>;

/** 201: the case's number and routing (the case itself is listed once the ingest stored it). */
export const alertCaseResponseSchema = z
  .object({
    alertId: z.string().uuid(),
    caseId: caseIdSchema,
    category: caseCategorySchema,
    summary: z.string(),
    routing: routingSchema,
  })
  .strict();
export type AlertCaseResponse = z.infer<typeof alertCaseResponseSchema>;
