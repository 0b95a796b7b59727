import { type ReportRequestFailure, type ReportRequestState } from '@fengqiao/contracts';
import { currentLang } from '../i18n/strings';

interface QueueStrings {
  readonly state: Readonly<Record<ReportRequestState, string>>;
  readonly failure: Readonly<Record<ReportRequestFailure, string>>;
  readonly reused: string;
  readonly more: string;
  readonly tooMany: string;
}

/** The queue's words (decision 0006), kept beside the reports view until i18n/strings.ts takes them. */
const ZH: QueueStrings = {
  state: { queued: '排队中', running: '正在生成…', ready: '已生成', failed: '生成失败' },
  failure: { REGION_UNKNOWN: '区域不在登记册中', GENERATION_FAILED: '生成出错', TIMED_OUT: '生成超时' },
  reused: '已有相同请求，沿用',
  more: '加载更多',
  tooMany: '待处理请求过多，请等待已有请求完成',
};

const EN: QueueStrings = {
  state: { queued: 'Queued', running: 'Generating…', ready: 'Ready', failed: 'Failed' },
  failure: {
    REGION_UNKNOWN: 'Region not in the registry',
    GENERATION_FAILED: 'Generation error',
    TIMED_OUT: 'Timed out',
  },
  reused: 'Same request already pending: reused',
  more: 'Load more',
  tooMany: 'Too many pending requests: wait for one to finish',
};

export const RS = typeof window !== 'undefined' && currentLang(window.location.search) === 'en' ? EN : ZH;
