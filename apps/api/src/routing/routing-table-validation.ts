import { routingTableRulesSchema, type RoutingRuleBody } from '@fengqiao/contracts';
import { type RoutingTableProblem, validateRoutingTable } from '@fengqiao/intake';
import { ApiError, type ApiIssue } from '../common/api-error';

/** A table-level problem in words an administrator can act on. */
export function problemMessage(p: RoutingTableProblem): string {
  switch (p.code) {
    case 'EMPTY_TABLE':
      return 'EMPTY_TABLE: a routing table needs at least its catch-all rule';
    case 'DUPLICATE_RULE_ID':
      return `DUPLICATE_RULE_ID: the id '${p.ruleId}' is used by an earlier rule`;
    case 'CATCH_ALL_NOT_LAST':
      return `CATCH_ALL_NOT_LAST: '${p.ruleId}' has no conditions, so every rule after it is unreachable`;
    case 'NO_CATCH_ALL':
      return `NO_CATCH_ALL: the last rule '${p.ruleId}' has conditions; the last rule must have none, so every case is routed`;
    case 'BAD_HOURS':
      return `BAD_HOURS: '${p.ruleId}' hours must be 0–23 with from ≠ to`;
    case 'BAD_WEEKDAY':
      return `BAD_WEEKDAY: '${p.ruleId}' weekdays must be 0 (Sunday) to 6 (Saturday)`;
    case 'BAD_REGION_PREFIX':
      return `BAD_REGION_PREFIX: '${p.ruleId}' region prefixes must be 1–12 digits`;
  }
}

const pathOf = (p: RoutingTableProblem): string => ('index' in p ? `rules.${p.index}` : 'rules');

/**
 * The rules of a routing table, checked as the contract says (each rule's shape and ranges, with the
 * path of every problem) and as the engine needs (unique ids, the catch-all last); else
 * VALIDATION_FAILED naming each problem. Used on every write and on every read from the database.
 */
export function validRoutingTable(rules: unknown): RoutingRuleBody[] {
  const parsed = routingTableRulesSchema.safeParse(rules);
  if (!parsed.success) {
    const issues: ApiIssue[] = parsed.error.issues.slice(0, 20).map((i) => ({
      path: ['rules', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new ApiError('VALIDATION_FAILED', 'the routing table does not validate', issues);
  }
  const problems = validateRoutingTable(parsed.data);
  if (problems.length > 0) {
    const issues = problems.slice(0, 20).map((p) => ({ path: pathOf(p), message: problemMessage(p) }));
    throw new ApiError('VALIDATION_FAILED', 'the routing table is not usable', issues);
  }
  return parsed.data;
}
