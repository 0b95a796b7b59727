import { type CaseCategory } from '@fengqiao/contracts';

/**
 * The Chinese name of each dispute category, as a person reads it on the dashboard and in the
 * reports (one table: both import it). Keyed by the contract's category list, so a new category
 * does not compile until it has a name.
 */
export const CASE_CATEGORY_NAMES_ZH: Readonly<Record<CaseCategory, string>> = {
  neighbourhood: '邻里纠纷',
  'marriage-family': '婚姻家庭',
  'land-acquisition': '征地拆迁',
  'property-housing': '物业住房',
  'labour-wages': '劳资欠薪',
  'contract-debt': '合同债务',
  medical: '医疗纠纷',
  traffic: '交通事故',
  environment: '环境污染',
  consumer: '消费维权',
  petition: '信访',
  other: '其他',
};
