import {
  ANALYTICS_KINDS,
  CASE_CATEGORIES,
  CASE_CHANNELS,
  SERVICE_TIERS,
  type AnalyticsKind,
  type CaseCategory,
  type SiteType,
} from '@fengqiao/contracts';

// The numbers below are the demo's assumptions, chosen to look like a city of 2.7 million; they are
// not measurements. Each array follows the order of the contract's enum it weights.

/**
 * Video-analytics detections per camera per day at rate 1, by site (about 16,000 a day citywide:
 * most cameras run no analytics, squares and stations do).
 */
export const ANALYTICS_PER_CAMERA_DAY: Readonly<Record<SiteType, number>> = {
  square: 2,
  station: 1.5,
  school: 0.8,
  'key-industry': 0.5,
  'smart-community': 0.25,
  road: 0.15,
};

/** Kind mix per site, in ANALYTICS_KINDS order: crowd, fight, intrusion, loitering, fire-smoke, abandoned-object, congestion. */
export const KIND_MIX: Readonly<Record<SiteType, readonly number[]>> = {
  square: [0.45, 0.05, 0.02, 0.2, 0.02, 0.16, 0.1],
  station: [0.3, 0.04, 0.04, 0.2, 0.02, 0.3, 0.1],
  school: [0.25, 0.1, 0.35, 0.25, 0.02, 0.03, 0],
  'key-industry': [0.05, 0.02, 0.5, 0.2, 0.2, 0.03, 0],
  'smart-community': [0.1, 0.05, 0.3, 0.3, 0.1, 0.15, 0],
  road: [0.05, 0.02, 0, 0.03, 0.05, 0.05, 0.8],
};

/** Typical head count range of a crowd detection, by site. */
export const CROWD_RANGE: Readonly<Record<SiteType, readonly [number, number]>> = {
  square: [20, 250],
  station: [30, 200],
  school: [30, 150],
  'key-industry': [10, 40],
  'smart-community': [10, 60],
  road: [10, 80],
};

/** Share of cameras offline at a given moment (rural links fail more often). */
export const OFFLINE_SHARE = { urban: 0.02, rural: 0.05 } as const;
/** Outages last whole windows of this length. */
export const OUTAGE_WINDOW_MS = 10 * 60_000;

/** New cases per day citywide at rate 1. */
export const CASES_PER_DAY = 1_200;
/** In SERVICE_TIERS order: consultation, simple, general, complex, major. */
export const TIER_MIX = [0.34, 0.3, 0.22, 0.11, 0.03];
/** In CASE_CATEGORIES order. */
export const CATEGORY_MIX = [0.18, 0.12, 0.08, 0.1, 0.12, 0.1, 0.04, 0.07, 0.05, 0.06, 0.04, 0.04];
/** In CASE_CHANNELS order: window, hotline, grid-app, online, video. */
export const CHANNEL_MIX = [0.3, 0.25, 0.25, 0.15, 0.05];

export const DEPARTMENT_OF: Readonly<Record<CaseCategory, string>> = {
  neighbourhood: '人民调解委员会',
  'marriage-family': '婚姻家庭纠纷调解委员会',
  'land-acquisition': '住建和征地拆迁纠纷调解委员会',
  'property-housing': '住房和城乡建设局',
  'labour-wages': '人力资源和社会保障局',
  'contract-debt': '人民法院诉讼服务中心',
  medical: '医疗纠纷人民调解委员会',
  traffic: '交通事故纠纷调解委员会',
  environment: '生态环境局',
  consumer: '市场监督管理局',
  petition: '信访接待中心',
  other: '公共法律服务中心',
};

export const SUMMARIES: Readonly<Record<CaseCategory, readonly string[]>> = {
  neighbourhood: [
    '邻里之间因排水沟堵塞发生纠纷',
    '楼上漏水损坏楼下装修',
    '宅基地边界争议',
    '噪音扰邻多次协商未果',
  ],
  'marriage-family': ['离婚后子女抚养费支付纠纷', '赡养老人费用分担争议', '家庭财产分割纠纷'],
  'land-acquisition': ['征地补偿款分配争议', '房屋拆迁安置标准异议', '青苗补偿未到位'],
  'property-housing': ['开发商逾期交房且未办理不动产权证', '物业服务费收取争议', '房屋质量问题维修纠纷'],
  'labour-wages': ['拖欠农民工工资', '工伤认定及赔偿争议', '解除劳动合同经济补偿纠纷'],
  'contract-debt': ['民间借贷到期未还', '买卖合同货款纠纷', '装修合同履行争议'],
  medical: ['手术后并发症赔偿争议', '医疗费用结算异议'],
  traffic: ['交通事故赔偿协商', '电动车与行人碰撞赔偿纠纷'],
  environment: ['养殖场异味影响周边居民', '施工扬尘噪音投诉'],
  consumer: ['预付卡商家关门无法退费', '网购商品质量纠纷'],
  petition: ['反映村务公开问题', '要求落实低保政策', '对处理结果不满再次来访'],
  other: ['咨询社保参保政策', '咨询户籍迁移办理流程', '法律援助申请咨询'],
};

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文',
];
export const GIVEN_CHARS = [...'明华强军平芳敏静丽娟秀英霞建国志伟勇杰涛斌超波磊刚洪兰凤红玉春梅琴云莲桂'];

export const kindAt = (i: number): AnalyticsKind => ANALYTICS_KINDS[i] as AnalyticsKind;
export const categoryAt = (i: number): CaseCategory => CASE_CATEGORIES[i] as CaseCategory;
export const tierAt = (i: number): (typeof SERVICE_TIERS)[number] =>
  SERVICE_TIERS[i] as (typeof SERVICE_TIERS)[number];
export const channelAt = (i: number): (typeof CASE_CHANNELS)[number] =>
  CASE_CHANNELS[i] as (typeof CASE_CHANNELS)[number];
