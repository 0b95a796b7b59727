import { type NotifyConfig } from '@fengqiao/config';
import {
  buildDingTalkRequest,
  buildFeishuRequest,
  buildSmsRequest,
  buildStandardWebhookRequest,
  buildWeComRequest,
  httpVerdict,
  robotVerdict,
  type DeliveryVerdict,
  type OutboundRequest,
  type RateGate,
} from '@fengqiao/notify';
import { type NotifyChannel } from '@fengqiao/db';
import { type Delivery, type NotificationChannel } from './channel.port';
import { post } from './http-post';

type Now = () => number;

/** What every HTTP channel sends with: the clock and the send timeout (config.tuning.notify). */
export interface HttpContext {
  readonly now: Now;
  readonly sendTimeoutMs: number;
}

/** Waits for the robot key's next free slot (20 messages a minute per robot). */
async function spaced(gate: RateGate, key: string, now: Now): Promise<void> {
  const wait = gate.reserve(key, now()) - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** What differs between the HTTP channels: the request (built in libs/notify) and how its reply reads. */
interface HttpChannelSpec {
  readonly name: Exclude<NotifyChannel, 'email'>;
  readonly build: (d: Delivery, nowMs: number) => OutboundRequest;
  readonly verdict: (status: number, body: string) => DeliveryVerdict;
  /** Robots that take a few messages a minute: sends with the same key are spaced by the gate. */
  readonly spacing?: { readonly gate: RateGate; readonly key: string };
}

/** One POST per attempt: spaced if a robot, built and judged by the channel's spec. */
export class HttpChannel implements NotificationChannel {
  readonly name: HttpChannelSpec['name'];

  constructor(
    private readonly spec: HttpChannelSpec,
    private readonly http: HttpContext,
  ) {
    this.name = spec.name;
  }

  async send(d: Delivery): Promise<DeliveryVerdict> {
    if (this.spec.spacing !== undefined)
      await spaced(this.spec.spacing.gate, this.spec.spacing.key, this.http.now);
    const res = await post(this.spec.build(d, this.http.now()), this.http.sendTimeoutMs);
    return this.spec.verdict(res.status, res.body);
  }
}

/** The robot message names the person by the mention handle of their preference. */
const mentioning = (d: Delivery) => ({ ...d.message, mention: d.address });

export function weComChannel(
  cfg: NonNullable<NotifyConfig['wecom']>,
  gate: RateGate,
  http: HttpContext,
): HttpChannel {
  return new HttpChannel(
    {
      name: 'wecom',
      build: (d) => buildWeComRequest(cfg.baseUrl, cfg.key, mentioning(d)),
      verdict: robotVerdict,
      spacing: { gate, key: `wecom:${cfg.key}` },
    },
    http,
  );
}

export function dingTalkChannel(
  cfg: NonNullable<NotifyConfig['dingtalk']>,
  gate: RateGate,
  http: HttpContext,
): HttpChannel {
  return new HttpChannel(
    {
      name: 'dingtalk',
      build: (d, at) => buildDingTalkRequest(cfg.baseUrl, cfg.token, cfg.secret, mentioning(d), at),
      verdict: robotVerdict,
      spacing: { gate, key: `dingtalk:${cfg.token}` },
    },
    http,
  );
}

export function feishuChannel(cfg: NonNullable<NotifyConfig['feishu']>, http: HttpContext): HttpChannel {
  return new HttpChannel(
    {
      name: 'feishu',
      build: (d, at) => buildFeishuRequest(cfg.baseUrl, cfg.hook, cfg.secret, mentioning(d), at),
      verdict: robotVerdict,
    },
    http,
  );
}

/** Our signed generic webhook (Standard Webhooks); the address names the person for the receiver. */
export function webhookChannel(cfg: NonNullable<NotifyConfig['webhook']>, http: HttpContext): HttpChannel {
  return new HttpChannel(
    {
      name: 'webhook',
      build: (d, at) =>
        buildStandardWebhookRequest(
          cfg.url,
          cfg.secret,
          d.id,
          { type: 'alert.notification', notificationId: d.id, to: d.address, ...d.message },
          at,
        ),
      verdict: httpVerdict,
    },
    http,
  );
}

/** The SMS gateway adapter: a signed webhook-style POST to a gateway (no provider account needed). */
export function smsChannel(cfg: NonNullable<NotifyConfig['sms']>, http: HttpContext): HttpChannel {
  return new HttpChannel(
    {
      name: 'sms',
      build: (d, at) => buildSmsRequest(cfg.url, cfg.secret, d.id, d.address, d.message, at),
      verdict: httpVerdict,
    },
    http,
  );
}
