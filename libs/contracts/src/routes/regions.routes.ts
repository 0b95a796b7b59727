import { regionChildrenQuerySchema, regionChildrenSchema } from '../api/regions-api';
import { ACCOUNT_ADMINS, ALL, type RouteSpec } from './route-spec';

/** The regions module's routes (spread into ROUTES). */
export const REGIONS_ROUTES = {
  'regions.children': {
    method: 'GET',
    path: 'regions',
    summary:
      'Children of a region (county → township → village/community → grid cell); counties without parent',
    // The account administrator picks users' regions from it (names and codes, no case data).
    access: [...ALL, ...ACCOUNT_ADMINS],
    query: regionChildrenQuerySchema,
    response: regionChildrenSchema,
  },
} as const satisfies Record<string, RouteSpec>;
