import { currentLang, type Lang } from '../i18n/strings';

/** The words of alert groups (wall ticker and duty queue), one block per language. */
const GROUP_ZH = {
  count: (n: number) => `${n} 条`,
  groups: (n: number) => `${n} 组`,
  members: '组内预警',
  moreMembers: (n: number) => `另有 ${n} 条`,
  ackGroup: (n: number) => `全组签收（${n}）`,
  silenceGroup: (n: number) => `全组静默（${n}）`,
  silenceMinutes: '静默分钟',
  note: '说明',
  noteRequired: '静默须填写说明',
  send: '提交',
  cancel: '取消',
  done: (ok: number, all: number) => `已处理 ${ok}/${all} 条`,
  siteType: {
    school: '学校',
    station: '车站',
    'key-industry': '重点行业',
    road: '道路',
    square: '广场',
    'smart-community': '智慧小区',
  } as Readonly<Record<string, string>>,
};
type GroupStrings = typeof GROUP_ZH;

const GROUP_EN: GroupStrings = {
  count: (n) => `${n} alerts`,
  groups: (n) => `${n} groups`,
  members: 'Alerts in this group',
  moreMembers: (n) => `${n} more`,
  ackGroup: (n) => `Acknowledge group (${n})`,
  silenceGroup: (n) => `Silence group (${n})`,
  silenceMinutes: 'Minutes',
  note: 'Note',
  noteRequired: 'Silencing needs a note',
  send: 'Send',
  cancel: 'Cancel',
  done: (ok, all) => `${ok}/${all} done`,
  siteType: {
    school: 'school',
    station: 'station',
    'key-industry': 'key industry',
    road: 'road',
    square: 'square',
    'smart-community': 'smart community',
  },
};

const BY_LANG: Readonly<Record<Lang, GroupStrings>> = { zh: GROUP_ZH, en: GROUP_EN };
export const G = BY_LANG[typeof window === 'undefined' ? 'zh' : currentLang(window.location.search)];

/** A group's cause as a person reads it: the site type named, other causes as recorded. */
export function causeName(cause: string): string {
  return cause
    .split('/')
    .map((c) => G.siteType[c] ?? c)
    .join('/');
}
