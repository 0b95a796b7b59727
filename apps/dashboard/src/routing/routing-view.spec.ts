import { type RoutingConditionsBody, type RoutingRuleBody } from '@fengqiao/contracts';
import { WL } from '../i18n/strings';
import { describeConditions, routingRows } from './routing-view';

const nightNeighbourhood: RoutingRuleBody = {
  id: 'neighbourhood-off-hours',
  title: '邻里纠纷（夜间）：网格员先行处置',
  when: { categories: ['neighbourhood', 'marriage-family'], hours: { from: 18, to: 8 } },
  then: { tier: 'simple', department: '网格服务管理中心', unit: 'grid-management' },
};
const catchAll: RoutingRuleBody = {
  id: 'catch-all',
  title: '兜底：综治中心分流',
  when: {},
  then: { tier: 'general', department: '综治中心', unit: 'center' },
};

describe('the routing-table view', () => {
  it.each<[RoutingConditionsBody, string[]]>([
    [{ categories: ['neighbourhood', 'medical'] }, ['类别：邻里纠纷、医疗纠纷']],
    [{ regionPrefixes: ['511921', '511902001'] }, ['区域：511921*、511902001*']],
    [{ weekdays: [0, 6] }, ['星期：周日、周六']],
    [{ hours: { from: 18, to: 8 } }, ['时段：18:00–08:00']],
    [{ flags: ['groupPetition'] }, ['风险：群体性']],
    [{ minParties: 3 }, ['当事人不少于 3 人']],
    [{}, []],
  ])('describes %j in words', (when, words) => {
    expect(describeConditions(when)).toEqual(words);
  });

  it('keeps the table order and names tier, department and unit', () => {
    expect(routingRows([nightNeighbourhood, catchAll])).toEqual([
      {
        order: 1,
        id: 'neighbourhood-off-hours',
        title: '邻里纠纷（夜间）：网格员先行处置',
        conditions: ['类别：邻里纠纷、婚姻家庭', '时段：18:00–08:00'],
        tier: WL.tier.simple,
        department: '网格服务管理中心',
        unit: WL.unit['grid-management'],
      },
      expect.objectContaining({ order: 2, id: 'catch-all', conditions: [], department: '综治中心' }),
    ]);
  });
});
