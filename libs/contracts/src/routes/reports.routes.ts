import {
  reportIdParamsSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportMetadataSchema,
  reportRequestListResponseSchema,
  reportRequestSchema,
  reportRequestStatusSchema,
} from '../api/reports-api';
import { type UserRole } from '../api/auth';
import { type RouteSpec } from './route-spec';

/**
 * Who reads cadence reports: duty officers (their regions only), analysts and administrators.
 * Not the wall (unattended, no one reads a PDF there) nor the intake window.
 */
export const REPORT_READERS: readonly UserRole[] = ['duty-officer', 'analyst', 'admin'];

export const REPORTS_ROUTES = {
  'reports.list': {
    method: 'GET',
    path: 'reports',
    summary: 'Stored cadence reports visible to the caller, newest period first',
    access: REPORT_READERS,
    regionScope: 'region',
    query: reportListQuerySchema,
    response: reportListResponseSchema,
  },
  'reports.get': {
    method: 'GET',
    path: 'reports/:id',
    summary: 'Metadata of one report',
    access: REPORT_READERS,
    params: reportIdParamsSchema,
    response: reportMetadataSchema,
  },
  'reports.html': {
    method: 'GET',
    path: 'reports/:id/html',
    summary: 'The report as one self-contained HTML document (inline SVG charts, personal data masked)',
    access: REPORT_READERS,
    params: reportIdParamsSchema,
    produces: 'text/html',
  },
  'reports.pdf': {
    method: 'GET',
    path: 'reports/:id/pdf',
    summary: 'The report as PDF (404 when it was stored without one: see pdfUnavailableReason)',
    access: REPORT_READERS,
    params: reportIdParamsSchema,
  },
  'reports.request': {
    method: 'POST',
    path: 'reports',
    summary:
      'Queue one report (any region and period that has begun) for apps/reports to generate: 202 with the request; an identical pending one is reused',
    access: REPORT_READERS,
    regionScope: 'region',
    rateLimit: 'write',
    body: reportRequestSchema,
    response: reportRequestStatusSchema,
  },
  'reports.requests': {
    method: 'GET',
    path: 'reports/requests',
    summary: "The caller's latest on-demand requests and their states, newest first",
    access: REPORT_READERS,
    response: reportRequestListResponseSchema,
  },
  'reports.requestStatus': {
    method: 'GET',
    path: 'reports/requests/:id',
    summary:
      'State of one on-demand request: queued, running, ready (with its report) or failed (with a code)',
    access: REPORT_READERS,
    params: reportIdParamsSchema,
    response: reportRequestStatusSchema,
  },
} as const satisfies Record<string, RouteSpec>;
