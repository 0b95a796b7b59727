import {
  cameraHealthTrendQuerySchema,
  cameraHealthTrendResponseSchema,
  kpiSnapshotSchema,
  kpisQuerySchema,
  tierComplianceQuerySchema,
  tierComplianceResponseSchema,
} from '../api/kpis-api';
import { type RouteSpec, WATCHERS } from './route-spec';

/** The wall's KPI tiles and the analysis view's compliance and camera-health series. */
export const KPI_ROUTES = {
  'kpis.snapshot': {
    method: 'GET',
    path: 'kpis',
    summary: 'The KPI tiles of the caller’s scope, each with the instant it was computed',
    access: WATCHERS,
    regionScope: 'region',
    query: kpisQuerySchema,
    response: kpiSnapshotSchema,
  },
  'kpis.tierCompliance': {
    method: 'GET',
    path: 'kpis/tier-compliance',
    summary: 'On-time rate per service tier per day or week, by the day the promise fell due',
    access: WATCHERS,
    regionScope: 'region',
    query: tierComplianceQuerySchema,
    response: tierComplianceResponseSchema,
  },
  'cameras.healthTrend': {
    method: 'GET',
    path: 'cameras/health-trend',
    summary: 'Camera online share over time (per hour or Beijing day)',
    access: WATCHERS,
    regionScope: 'region',
    query: cameraHealthTrendQuerySchema,
    response: cameraHealthTrendResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
