import { applyDecorators, Get, Post, SetMetadata } from '@nestjs/common';
import { type RouteId, ROUTES } from './route-table';

export const ROUTE_ID = 'fq:routeId';

/** Maps a handler to its route-table entry: method and path come from the table, never twice. */
export function Endpoint(id: RouteId): MethodDecorator {
  const spec = ROUTES[id];
  const mapping = spec.method === 'GET' ? Get(spec.path) : Post(spec.path);
  return applyDecorators(mapping, SetMetadata(ROUTE_ID, id));
}
