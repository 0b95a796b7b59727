import {
  cameraSiteTypesQuerySchema,
  cameraSiteTypesSchema,
  quarterlyScorecardQuerySchema,
  quarterlyScorecardSchema,
} from '../api/assessment-api';
import { type RouteSpec, WATCHERS } from './route-spec';

/** The quarterly township assessment (analysts) and camera coverage by site type (the wall too). */
export const ASSESSMENT_ROUTES = {
  'assessments.quarterly': {
    method: 'GET',
    path: 'assessments/quarterly',
    summary: 'The quarterly scorecard of township centers (季考评), ranked within county and city',
    access: ['analyst', 'admin'],
    regionScope: 'region',
    query: quarterlyScorecardQuerySchema,
    response: quarterlyScorecardSchema,
  },
  'cameras.siteTypes': {
    method: 'GET',
    path: 'cameras/site-types',
    summary: 'Camera count, online rate and township coverage per site type',
    access: WATCHERS,
    regionScope: 'region',
    query: cameraSiteTypesQuerySchema,
    response: cameraSiteTypesSchema,
  },
} as const satisfies Record<string, RouteSpec>;
