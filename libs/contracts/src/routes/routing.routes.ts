import {
  activateRoutingTableRequestSchema,
  activateRoutingTableResponseSchema,
  proposeRoutingTableRequestSchema,
  routingTableDetailSchema,
  routingTableListResponseSchema,
  routingTableVersionParamsSchema,
} from '../api/routing-tables';
import { CASE_HANDLERS } from './cases.routes';
import { ADMIN, type RouteSpec } from './route-spec';

/**
 * Whoever asks for routing suggestions (clerks, duty officers, administrators) may read the active
 * table behind them; its history and every change are the administrators'.
 */
export const ROUTING_ROUTES = {
  'routing.active': {
    method: 'GET',
    path: 'routing-rules',
    summary: 'The active routing table (ordered rules, first match wins) and its version',
    access: CASE_HANDLERS,
    response: routingTableDetailSchema,
  },
  'routing.versions': {
    method: 'GET',
    path: 'routing-rules/versions',
    summary: 'Routing-table versions, newest first',
    access: ADMIN,
    response: routingTableListResponseSchema,
  },
  'routing.version': {
    method: 'GET',
    path: 'routing-rules/versions/:version',
    summary: 'One routing-table version with its rules',
    access: ADMIN,
    params: routingTableVersionParamsSchema,
    response: routingTableDetailSchema,
  },
  'routing.propose': {
    method: 'POST',
    path: 'routing-rules/versions',
    summary: 'Store a new routing-table version (validated; audited with who and the note)',
    access: ADMIN,
    rateLimit: 'write',
    body: proposeRoutingTableRequestSchema,
    response: routingTableDetailSchema,
  },
  'routing.activate': {
    method: 'POST',
    path: 'routing-rules/versions/:version/activate',
    summary: 'Make a version the active routing table (audited); other API instances follow within 30 s',
    access: ADMIN,
    rateLimit: 'write',
    params: routingTableVersionParamsSchema,
    body: activateRoutingTableRequestSchema,
    response: activateRoutingTableResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
