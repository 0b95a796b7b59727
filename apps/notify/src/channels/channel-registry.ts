import { type NotifyConfig } from '@fengqiao/config';
import { type NotifyChannel } from '@fengqiao/db';
import { RateGate } from '@fengqiao/notify';
import { type NotificationChannel } from './channel.port';
import { EmailChannel } from './email.channel';
import {
  dingTalkChannel,
  feishuChannel,
  smsChannel,
  webhookChannel,
  weComChannel,
  type HttpContext,
} from './http-channels';

/** The channels this deployment configured; a person preferring another one is reported as failed. */
export function configuredChannels(
  cfg: NotifyConfig,
  http: HttpContext,
): Map<NotifyChannel, NotificationChannel> {
  const gate = new RateGate(cfg.robotSpacingMs);
  const list: NotificationChannel[] = [];
  if (cfg.smtp !== undefined) list.push(new EmailChannel(cfg.smtp));
  if (cfg.webhook !== undefined) list.push(webhookChannel(cfg.webhook, http));
  if (cfg.wecom !== undefined) list.push(weComChannel(cfg.wecom, gate, http));
  if (cfg.dingtalk !== undefined) list.push(dingTalkChannel(cfg.dingtalk, gate, http));
  if (cfg.feishu !== undefined) list.push(feishuChannel(cfg.feishu, http));
  if (cfg.sms !== undefined) list.push(smsChannel(cfg.sms, http));
  return new Map(list.map((c) => [c.name, c]));
}
