import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';
import { ActiveVersionCache, type ActiveVersion } from './active-version-cache';
import { VersionedDocumentsRepository } from './versioned-documents.repository';
import { RULE_SETS_TABLE } from './versioned-table';

/** The rule sets' versioned-document store (`rule_sets`). */
export const RULE_SET_DOCUMENTS = new VersionedDocumentsRepository(RULE_SETS_TABLE);

const parseRuleSet = (raw: unknown): RuleSetInput => ruleSetSchema.parse(raw);

/**
 * The one way a process follows the ACTIVE rule set: an `ActiveVersionCache` over `rule_sets`, its
 * bodies checked by the contract's schema. The warning engine, the API (case clocks and KPI tiles)
 * and the simulator all read the active version through it; each refreshes it on its own tuning.
 */
export function activeRuleSetCache(
  db: Queryable,
  onLoaded?: (loaded: ActiveVersion<RuleSetInput>) => void,
): ActiveVersionCache<RuleSetInput> {
  return new ActiveVersionCache<RuleSetInput>(db, RULE_SET_DOCUMENTS, parseRuleSet, onLoaded);
}
