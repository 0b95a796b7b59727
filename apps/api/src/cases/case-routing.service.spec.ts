import { caseDueTimesOf } from '@fengqiao/domain';
import { DEFAULT_ROUTING_RULES, type RoutingRule } from '@fengqiao/intake';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type ActiveRoutingTable, type ActiveRoutingTableCache } from '../routing/active-routing-table.cache';
import { type ActiveRuleSetCache } from '../rules/active-rule-set.cache';
import { CaseRoutingService } from './case-routing.service';

const WEDNESDAY_10 = Date.parse('2026-11-25T10:00:00+08:00');
const clock = { now: () => new Date(WEDNESDAY_10) };
const BAZHOU = { county: '511902', township: '511902001' };
/** Stands in for the rule-set cache before any activation: the default set. */
const ruleSets = {
  current: () => ({ version: null, ruleSet: DEFAULT_RULE_SET, due: caseDueTimesOf(DEFAULT_RULE_SET) }),
} as Pick<ActiveRuleSetCache, 'current'> as ActiveRuleSetCache;

/** Stands in for the cache: the table it holds can be swapped, as an activation does. */
function cacheHolding(initial: ActiveRoutingTable): {
  cache: ActiveRoutingTableCache;
  set(t: ActiveRoutingTable): void;
} {
  let table = initial;
  const cache = { current: () => table } as Pick<ActiveRoutingTableCache, 'current'>;
  return {
    cache: cache as ActiveRoutingTableCache,
    set: (t) => {
      table = t;
    },
  };
}

const pilot: RoutingRule = {
  id: 'pilot-neighbourhood',
  title: '邻里纠纷试点：司法所',
  when: { categories: ['neighbourhood'], regionPrefixes: ['511902001'] },
  then: { tier: 'general', department: '东城司法所', unit: 'public-legal-service' },
};

describe('CaseRoutingService routes by the table the cache holds', () => {
  it('follows the active table, and a new one as soon as the cache has it', () => {
    const holder = cacheHolding({ version: 1, rules: DEFAULT_ROUTING_RULES });
    const service = new CaseRoutingService(clock, holder.cache, ruleSets);
    const ask = { category: 'neighbourhood' as const, region: BAZHOU };
    expect(service.suggest(ask)).toMatchObject({ ruleId: 'neighbourhood', tableVersion: 1 });

    holder.set({ version: 2, rules: [pilot, ...DEFAULT_ROUTING_RULES] });
    expect(service.suggest(ask)).toMatchObject({
      ruleId: 'pilot-neighbourhood',
      ruleTitle: '邻里纠纷试点：司法所',
      tableVersion: 2,
      routing: { tier: 'general', department: '东城司法所', unit: 'public-legal-service' },
    });
    expect(service.suggest({ ...ask, region: { county: '511921', township: '511921003' } }).ruleId).toBe(
      'neighbourhood',
    );
  });

  it('puts the due times on the working-day calendar from the time asked', () => {
    const service = new CaseRoutingService(
      clock,
      cacheHolding({ version: 1, rules: DEFAULT_ROUTING_RULES }).cache,
      ruleSets,
    );
    const s = service.suggest({ category: 'medical', region: BAZHOU });
    expect(Date.parse(s.routingDueAt)).toBeGreaterThan(WEDNESDAY_10);
    expect(Date.parse(s.tierDueAt ?? '')).toBeGreaterThan(Date.parse(s.routingDueAt));
  });
});
