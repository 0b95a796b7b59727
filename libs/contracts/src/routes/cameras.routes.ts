import {
  alertCamerasQuerySchema,
  nearestCamerasQuerySchema,
  nearestCamerasResponseSchema,
} from '../api/cameras-api';
import { alertIdParamsSchema } from '../api/alerts-api';
import { type RouteSpec, WATCHERS } from './route-spec';

/** Cameras around a place: the wall's pinned tiles and the duty console's "nearby cameras". */
export const CAMERA_ROUTES = {
  'cameras.nearest': {
    method: 'GET',
    path: 'cameras/nearest',
    summary: 'The k cameras nearest to a point within a radius, with their stream state',
    access: WATCHERS,
    regionScope: 'list',
    query: nearestCamerasQuerySchema,
    response: nearestCamerasResponseSchema,
  },
  'cameras.nearAlert': {
    method: 'GET',
    path: 'alerts/:alertId/cameras',
    summary: 'The cameras nearest to an alert (its location, else its region’s centre)',
    access: WATCHERS,
    params: alertIdParamsSchema,
    query: alertCamerasQuerySchema,
    response: nearestCamerasResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
