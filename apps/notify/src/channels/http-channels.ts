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
  type RateGate,
} from '@fengqiao/notify';
import { type Delivery, type NotificationChannel } from './channel.port';
import { post } from './http-post';

type Now = () => number;

/** Waits for the robot key's next free slot (20 messages a minute per robot). */
async function spaced(gate: RateGate, key: string, now: Now): Promise<void> {
  const wait = gate.reserve(key, now()) - now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

export class WeComChannel implements NotificationChannel {
  readonly name = 'wecom' as const;
  constructor(
    private readonly cfg: NonNullable<NotifyConfig['wecom']>,
    private readonly gate: RateGate,
    private readonly now: Now,
  ) {}
  async send(d: Delivery): Promise<DeliveryVerdict> {
    await spaced(this.gate, `wecom:${this.cfg.key}`, this.now);
    const res = await post(
      buildWeComRequest(this.cfg.baseUrl, this.cfg.key, { ...d.message, mention: d.address }),
    );
    return robotVerdict(res.status, res.body);
  }
}

export class DingTalkChannel implements NotificationChannel {
  readonly name = 'dingtalk' as const;
  constructor(
    private readonly cfg: NonNullable<NotifyConfig['dingtalk']>,
    private readonly gate: RateGate,
    private readonly now: Now,
  ) {}
  async send(d: Delivery): Promise<DeliveryVerdict> {
    await spaced(this.gate, `dingtalk:${this.cfg.token}`, this.now);
    const req = buildDingTalkRequest(
      this.cfg.baseUrl,
      this.cfg.token,
      this.cfg.secret,
      { ...d.message, mention: d.address },
      this.now(),
    );
    const res = await post(req);
    return robotVerdict(res.status, res.body);
  }
}

export class FeishuChannel implements NotificationChannel {
  readonly name = 'feishu' as const;
  constructor(
    private readonly cfg: NonNullable<NotifyConfig['feishu']>,
    private readonly now: Now,
  ) {}
  async send(d: Delivery): Promise<DeliveryVerdict> {
    const req = buildFeishuRequest(
      this.cfg.baseUrl,
      this.cfg.hook,
      this.cfg.secret,
      { ...d.message, mention: d.address },
      this.now(),
    );
    const res = await post(req);
    return robotVerdict(res.status, res.body);
  }
}

/** Our signed generic webhook (Standard Webhooks); the address names the person for the receiver. */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;
  constructor(
    private readonly cfg: NonNullable<NotifyConfig['webhook']>,
    private readonly now: Now,
  ) {}
  async send(d: Delivery): Promise<DeliveryVerdict> {
    const payload = { type: 'alert.notification', notificationId: d.id, to: d.address, ...d.message };
    const res = await post(
      buildStandardWebhookRequest(this.cfg.url, this.cfg.secret, d.id, payload, this.now()),
    );
    return httpVerdict(res.status, res.body);
  }
}

/** The SMS gateway adapter: a signed webhook-style POST to a gateway (no provider account needed). */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms' as const;
  constructor(
    private readonly cfg: NonNullable<NotifyConfig['sms']>,
    private readonly now: Now,
  ) {}
  async send(d: Delivery): Promise<DeliveryVerdict> {
    const res = await post(
      buildSmsRequest(this.cfg.url, this.cfg.secret, d.id, d.address, d.message, this.now()),
    );
    return httpVerdict(res.status, res.body);
  }
}
