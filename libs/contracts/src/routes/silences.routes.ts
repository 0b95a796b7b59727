import {
  createSilenceRequestSchema,
  silenceIdParamsSchema,
  silenceListQuerySchema,
  silenceListResponseSchema,
  silenceViewSchema,
} from '../api/rules-api';
import { type UserRole } from '../api/auth';
import { RESPONDERS, type RouteSpec } from './route-spec';

/** Analysts may see what is silenced (it explains gaps in their series); only responders silence. */
const SILENCE_READERS: readonly UserRole[] = ['duty-officer', 'analyst', 'admin'];

export const SILENCES_ROUTES = {
  'silences.list': {
    method: 'GET',
    path: 'silences',
    summary: 'Silences in force (or all of them)',
    access: SILENCE_READERS,
    regionScope: 'list',
    query: silenceListQuerySchema,
    response: silenceListResponseSchema,
  },
  'silences.create': {
    method: 'POST',
    path: 'silences',
    summary: 'Silence matching alerts for a time window (reds only by an administrator, allowRed)',
    access: RESPONDERS,
    regionScope: 'region',
    rateLimit: 'write',
    body: createSilenceRequestSchema,
    response: silenceViewSchema,
  },
  'silences.expire': {
    method: 'POST',
    path: 'silences/:silenceId/expire',
    summary: 'End a silence now',
    access: RESPONDERS,
    regionScope: 'region',
    rateLimit: 'write',
    params: silenceIdParamsSchema,
    response: silenceViewSchema,
  },
} as const satisfies Record<string, RouteSpec>;
