import { currentLang } from '../i18n/strings';

// The reveal control's strings; kept here until they move into i18n/strings.ts (not this folder's file).
const ZH = {
  reveal: '查看完整信息',
  reason: '查看理由',
  reasonRequired: '请填写查看理由（至少 2 个字）',
  confirm: '确认查看',
  cancel: '取消',
  willAudit: '查看当事人完整信息将连同理由记入审计日志。',
  audited: (reason: string) => `完整信息 · 本次查看已记入审计日志（理由：${reason}）`,
};

const EN: typeof ZH = {
  reveal: 'Show full details',
  reason: 'Reason',
  reasonRequired: 'State a reason (2 characters or more)',
  confirm: 'Show',
  cancel: 'Cancel',
  willAudit: 'Viewing the parties in full is written to the audit log with the reason.',
  audited: (reason: string) => `Full details · this view is in the audit log (reason: ${reason})`,
};

export const R = typeof window !== 'undefined' && currentLang(window.location.search) === 'en' ? EN : ZH;
