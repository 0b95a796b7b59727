import { type NotifyConfig } from '@fengqiao/config';
import { type NotifyChannel } from '@fengqiao/db';
import { RateGate } from '@fengqiao/notify';
import { type NotificationChannel } from './channel.port';
import { EmailChannel } from './email.channel';
import { DingTalkChannel, FeishuChannel, SmsChannel, WeComChannel, WebhookChannel } from './http-channels';

/** The channels this deployment configured; a person preferring another one is reported as failed. */
export function configuredChannels(
  cfg: NotifyConfig,
  now: () => number,
): Map<NotifyChannel, NotificationChannel> {
  const gate = new RateGate(cfg.robotSpacingMs);
  const list: NotificationChannel[] = [];
  if (cfg.smtp !== undefined) list.push(new EmailChannel(cfg.smtp));
  if (cfg.webhook !== undefined) list.push(new WebhookChannel(cfg.webhook, now));
  if (cfg.wecom !== undefined) list.push(new WeComChannel(cfg.wecom, gate, now));
  if (cfg.dingtalk !== undefined) list.push(new DingTalkChannel(cfg.dingtalk, gate, now));
  if (cfg.feishu !== undefined) list.push(new FeishuChannel(cfg.feishu, now));
  if (cfg.sms !== undefined) list.push(new SmsChannel(cfg.sms, now));
  return new Map(list.map((c) => [c.name, c]));
}
