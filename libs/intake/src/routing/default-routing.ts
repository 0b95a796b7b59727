import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { type RoutingRule } from './routing-rules';

const NIGHT = { from: 18, to: 8 };
const WEEKEND = [0, 6];

/** Risk first: a group petition or a threat of violence is a major dispute whatever its category. */
const RISK_RULES: readonly RoutingRule[] = [
  {
    id: 'group-petition',
    title: '群体性信访：重大纠纷，信访接待',
    when: { flags: ['groupPetition'] },
    then: { tier: 'major', department: '信访局', unit: 'petition-reception' },
  },
  {
    id: 'violence-risk',
    title: '有暴力倾向：重大纠纷，中心牵头',
    when: { flags: ['violenceRisk'] },
    then: { tier: 'major', department: '综治中心', unit: 'center' },
  },
];

/**
 * County-specific arrangements of the built-in city (its counties by name from libs/geo's built-in
 * districts): only when the configured city is that city. Another city's own arrangements are a new
 * version of its routing table (POST /api/routing-rules/versions), not code.
 */
function countyArrangements(prefecture: string): RoutingRule[] {
  const tongjiang = BUILT_IN_DISTRICTS.find((d) => d.name === '通江县');
  if (tongjiang === undefined || !tongjiang.code.startsWith(prefecture.slice(0, 4))) return [];
  return [
    {
      id: 'tongjiang-wages',
      title: '通江县欠薪：县劳动保障监察大队',
      when: { categories: ['labour-wages'], regionPrefixes: [tongjiang.code] },
      then: { tier: 'general', department: '通江县劳动保障监察大队', unit: 'department' },
    },
  ];
}

/** By category, then a catch-all to the center itself. */
const CATEGORY_RULES: readonly RoutingRule[] = [
  {
    id: 'petition',
    title: '信访事项：复杂纠纷，信访接待',
    when: { categories: ['petition'] },
    then: { tier: 'complex', department: '信访局', unit: 'petition-reception' },
  },
  {
    id: 'land-acquisition',
    title: '征地拆迁：复杂纠纷，征地拆迁调委会',
    when: { categories: ['land-acquisition'] },
    then: { tier: 'complex', department: '征地拆迁纠纷人民调解委员会', unit: 'department' },
  },
  {
    id: 'property-housing',
    title: '房产物业：一般纠纷，住建局',
    when: { categories: ['property-housing'] },
    then: { tier: 'general', department: '住房和城乡建设局', unit: 'department' },
  },
  {
    id: 'labour-wages',
    title: '劳动欠薪：一般纠纷，人社局',
    when: { categories: ['labour-wages'] },
    then: { tier: 'general', department: '人力资源和社会保障局', unit: 'department' },
  },
  {
    id: 'contract-debt',
    title: '合同债务：一般纠纷，诉讼服务',
    when: { categories: ['contract-debt'] },
    then: { tier: 'general', department: '法院诉讼服务中心', unit: 'litigation-service' },
  },
  {
    id: 'medical',
    title: '医疗纠纷：一般纠纷，医调委',
    when: { categories: ['medical'] },
    then: { tier: 'general', department: '医疗纠纷人民调解委员会', unit: 'dispute-resolution' },
  },
  {
    id: 'neighbourhood-off-hours',
    title: '邻里纠纷（夜间）：网格员先行处置',
    when: { categories: ['neighbourhood', 'marriage-family'], hours: NIGHT },
    then: { tier: 'simple', department: '网格服务管理中心', unit: 'grid-management' },
  },
  {
    id: 'neighbourhood-weekend',
    title: '邻里纠纷（周末）：网格员先行处置',
    when: { categories: ['neighbourhood', 'marriage-family'], weekdays: WEEKEND },
    then: { tier: 'simple', department: '网格服务管理中心', unit: 'grid-management' },
  },
  {
    id: 'neighbourhood',
    title: '邻里婚姻家庭：简易纠纷，人民调解',
    when: { categories: ['neighbourhood', 'marriage-family'] },
    then: { tier: 'simple', department: '村（社区）人民调解委员会', unit: 'dispute-resolution' },
  },
  {
    id: 'traffic',
    title: '交通事故：一般纠纷，交警',
    when: { categories: ['traffic'] },
    then: { tier: 'general', department: '公安交警大队', unit: 'department' },
  },
  {
    id: 'environment',
    title: '环境污染：一般纠纷，生态环境局',
    when: { categories: ['environment'] },
    then: { tier: 'general', department: '生态环境局', unit: 'department' },
  },
  {
    id: 'consumer',
    title: '消费维权：简易纠纷，市场监管局',
    when: { categories: ['consumer'] },
    then: { tier: 'simple', department: '市场监督管理局', unit: 'department' },
  },
  {
    id: 'other-consultation',
    title: '其他事项：政策咨询，公共法律服务',
    when: { categories: ['other'] },
    then: { tier: 'consultation', department: '公共法律服务中心', unit: 'public-legal-service' },
  },
  {
    id: 'catch-all',
    title: '兜底：综治中心分流',
    when: {},
    then: { tier: 'general', department: '综治中心', unit: 'center' },
  },
];

/**
 * The default routing table of a city's center ("1+6+N") for the configured city (FQ_CITY_CODE,
 * 4 digits), first match wins: risk first, then the city's county-specific arrangements (the
 * built-in city's only), then by category, and a catch-all to the center itself. Version 1 of
 * `routing_tables`, written by the API at its first start.
 */
export function defaultRoutingRules(prefecture: string): RoutingRule[] {
  return [...RISK_RULES, ...countyArrangements(prefecture), ...CATEGORY_RULES];
}

/** The built-in city's default table (the schematic demo city of libs/geo). */
export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = defaultRoutingRules(
  BUILT_IN_DISTRICTS[0]?.code ?? '',
);
