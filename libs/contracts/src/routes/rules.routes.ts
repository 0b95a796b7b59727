import {
  activateRuleSetResponseSchema,
  backtestRequestSchema,
  backtestResponseSchema,
  proposeRuleSetRequestSchema,
  ruleSetDetailSchema,
  ruleSetListResponseSchema,
  ruleSetVersionParamsSchema,
} from '../api/rules-api';
import { type UserRole } from '../api/auth';
import { ADMIN, type RouteSpec } from './route-spec';

/** Who reads rule sets: the people who act on alerts or study them (not the wall, not intake). */
const RULE_READERS: readonly UserRole[] = ['duty-officer', 'analyst', 'admin'];
/** Who proposes and backtests: analysts and administrators; only administrators activate. */
const RULE_AUTHORS: readonly UserRole[] = ['analyst', 'admin'];

export const RULES_ROUTES = {
  'rules.list': {
    method: 'GET',
    path: 'rules',
    summary: 'Rule-set versions, newest first',
    access: RULE_READERS,
    response: ruleSetListResponseSchema,
  },
  'rules.detail': {
    method: 'GET',
    path: 'rules/:version',
    summary: 'One rule-set version with its body',
    access: RULE_READERS,
    params: ruleSetVersionParamsSchema,
    response: ruleSetDetailSchema,
  },
  'rules.propose': {
    method: 'POST',
    path: 'rules',
    summary: 'Propose a new rule-set version (validated against rule-set.v1)',
    access: RULE_AUTHORS,
    rateLimit: 'write',
    body: proposeRuleSetRequestSchema,
    response: ruleSetDetailSchema,
  },
  'rules.backtest': {
    method: 'POST',
    path: 'rules/:version/backtest',
    summary: 'Replay stored events through a version and compare with the active one',
    access: RULE_AUTHORS,
    rateLimit: 'write',
    params: ruleSetVersionParamsSchema,
    body: backtestRequestSchema,
    response: backtestResponseSchema,
  },
  'rules.activate': {
    method: 'POST',
    path: 'rules/:version/activate',
    summary: 'Make a version the active one (audited); the warning service swaps to it',
    access: ADMIN,
    rateLimit: 'write',
    params: ruleSetVersionParamsSchema,
    response: activateRuleSetResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
