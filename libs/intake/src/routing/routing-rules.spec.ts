import { CASE_CATEGORIES, type CaseCategory } from '@fengqiao/contracts';
import { DEFAULT_ROUTING_RULES, defaultRoutingRules } from './default-routing';
import { type RoutingInput, type RoutingRule, suggestRouting, validateRoutingTable } from './routing-rules';

const UTC8 = 480;
const BAZHOU = { county: '511902', township: '511902001' };
const TONGJIANG = { county: '511921', township: '511921003' };
/** Local (UTC+8) wall-clock time → epoch ms. */
const local = (iso: string): number => Date.parse(`${iso}+08:00`);
const WEDNESDAY_10 = local('2026-11-25T10:00:00');

const input = (category: CaseCategory, over: Partial<RoutingInput> = {}): RoutingInput => ({
  category,
  region: BAZHOU,
  atMs: WEDNESDAY_10,
  ...over,
});
const ruleOf = (i: RoutingInput, rules: readonly RoutingRule[] = DEFAULT_ROUTING_RULES): string | undefined =>
  suggestRouting(rules, i, UTC8)?.rule.id;

describe('suggestRouting with the Bazhong table', () => {
  it.each([
    ['property-housing', 'property-housing', 'general', '住房和城乡建设局'],
    ['labour-wages', 'labour-wages', 'general', '人力资源和社会保障局'],
    ['land-acquisition', 'land-acquisition', 'complex', '征地拆迁纠纷人民调解委员会'],
    ['petition', 'petition', 'complex', '信访局'],
    ['neighbourhood', 'neighbourhood', 'simple', '村（社区）人民调解委员会'],
    ['other', 'other-consultation', 'consultation', '公共法律服务中心'],
  ] as const)('routes %s on a Wednesday morning by its rule', (category, ruleId, tier, department) => {
    const match = suggestRouting(DEFAULT_ROUTING_RULES, input(category), UTC8);
    expect(match?.rule.id).toBe(ruleId);
    expect(match?.routing).toMatchObject({ tier, department });
  });

  it('lets the first matching rule win: a group petition about housing is a major dispute', () => {
    const i = input('property-housing', { riskFlags: { groupPetition: true } });
    expect(suggestRouting(DEFAULT_ROUTING_RULES, i, UTC8)?.routing).toEqual({
      tier: 'major',
      department: '信访局',
      unit: 'petition-reception',
    });
  });

  it('lets an earlier rule override the default table', () => {
    const override: RoutingRule = {
      id: 'housing-to-court',
      title: '住房纠纷试点：诉讼服务',
      when: { categories: ['property-housing'], regionPrefixes: ['511902001'] },
      then: { tier: 'complex', department: '巴州区法院', unit: 'litigation-service' },
    };
    const rules = [override, ...DEFAULT_ROUTING_RULES];
    expect(ruleOf(input('property-housing'), rules)).toBe('housing-to-court');
    expect(ruleOf(input('property-housing', { region: TONGJIANG }), rules)).toBe('property-housing');
  });

  it('re-runs to a new answer when the category or the location changes', () => {
    expect(ruleOf(input('labour-wages'))).toBe('labour-wages');
    expect(ruleOf(input('labour-wages', { region: TONGJIANG }))).toBe('tongjiang-wages');
    expect(ruleOf(input('medical', { region: TONGJIANG }))).toBe('medical');
  });

  it.each([
    ['Wednesday 10:00', WEDNESDAY_10, 'neighbourhood'],
    ['Wednesday 20:00 (night)', local('2026-11-25T20:00:00'), 'neighbourhood-off-hours'],
    ['Thursday 07:59 (still night)', local('2026-11-26T07:59:00'), 'neighbourhood-off-hours'],
    ['Thursday 08:00', local('2026-11-26T08:00:00'), 'neighbourhood'],
    ['Saturday 10:00', local('2026-11-28T10:00:00'), 'neighbourhood-weekend'],
  ])('routes a neighbourhood dispute by local time: %s', (_t, atMs, ruleId) => {
    expect(ruleOf(input('neighbourhood', { atMs }))).toBe(ruleId);
  });

  it('routes every category somewhere, and the default table is valid', () => {
    for (const c of CASE_CATEGORIES) expect(ruleOf(input(c))).toBeDefined();
    expect(validateRoutingTable(DEFAULT_ROUTING_RULES)).toEqual([]);
  });

  it('reports a table without a catch-all, a duplicate id and bad hours', () => {
    const r = DEFAULT_ROUTING_RULES[0] as RoutingRule;
    const bad: RoutingRule[] = [r, { ...r, when: { hours: { from: 5, to: 5 } } }];
    expect(validateRoutingTable(bad)).toEqual([
      { code: 'DUPLICATE_RULE_ID', index: 1, ruleId: r.id },
      { code: 'BAD_HOURS', index: 1, ruleId: r.id },
      { code: 'NO_CATCH_ALL', index: 1, ruleId: r.id },
    ]);
    expect(suggestRouting([r], input('other'), UTC8)).toBeUndefined();
  });

  it('keeps the county arrangement for its own city only: another city (5113) gets none', () => {
    const ids = (rules: readonly RoutingRule[]): string[] => rules.map((r) => r.id);
    expect(ids(defaultRoutingRules('5119'))).toContain('tongjiang-wages');
    const nanchong = defaultRoutingRules('5113');
    expect(ids(nanchong)).not.toContain('tongjiang-wages');
    expect(validateRoutingTable(nanchong)).toEqual([]);
    expect(nanchong.length).toBe(DEFAULT_ROUTING_RULES.length - 1);
  });
});
