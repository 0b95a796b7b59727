import { type AlertColour, type EscalationLevel } from '@fengqiao/contracts';

/** What one notification says, whatever the channel: rendered by each channel's builder. */
export interface NotificationMessage {
  readonly alertId: string;
  readonly title: string;
  readonly colour: AlertColour;
  readonly level: EscalationLevel;
  /** The region's display name (or code when unnamed). */
  readonly regionName: string;
  /** Why this person hears of it: first notice, backup, escalation, digest. */
  readonly reason: NotificationReason;
  readonly raisedAt: string;
  /** The signed, single-use acknowledgement link; none for digests. */
  readonly ackUrl?: string;
  /** Mention handle on group robots (mobile or robot user id); none: no mention. */
  readonly mention?: string;
  /** A digest carries several alerts' titles. */
  readonly items?: readonly string[];
}

export type NotificationReason = 'first' | 'backup' | 'escalated' | 'digest';

const COLOUR_NAMES: Readonly<Record<AlertColour, string>> = { blue: '蓝色', orange: '橙色', red: '红色' };
const LEVEL_NAMES: Readonly<Record<EscalationLevel, string>> = {
  grid: '网格',
  township: '乡镇',
  county: '区县',
  city: '市级',
};
const REASON_NAMES: Readonly<Record<NotificationReason, string>> = {
  first: '值班通知',
  backup: '未确认，转备班',
  escalated: '未确认，已升级',
  digest: '汇总',
};

/** The one-line heading, e.g. `【红色预警·乡镇·未确认，已升级】打架斗殴风险`. */
export function headlineOf(m: NotificationMessage): string {
  const tag = `${COLOUR_NAMES[m.colour]}预警·${LEVEL_NAMES[m.level]}·${REASON_NAMES[m.reason]}`;
  return m.reason === 'digest' ? `【${tag}】${m.items?.length ?? 0} 条` : `【${tag}】${m.title}`;
}

/** The plain-text body lines every channel starts from. */
export function bodyLinesOf(m: NotificationMessage): string[] {
  const lines = [headlineOf(m), `地点: ${m.regionName}`, `时间: ${m.raisedAt}`];
  for (const item of m.items ?? []) lines.push(`- ${item}`);
  if (m.ackUrl !== undefined) lines.push(`确认: ${m.ackUrl}`);
  return lines;
}
