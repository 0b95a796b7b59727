import { z } from 'zod';

const ms = (dflt: number, min: number) => z.coerce.number().int().min(min).default(dflt);
const MIN = 60_000;
const movedToPolicy = (field: string) =>
  z
    .string()
    .refine(() => false, {
      message: `no longer configuration: set ${field} in the notification policy (POST /api/notify/policy/versions, then activate)`,
    })
    .optional();

/**
 * The notify service's environment (issue 16): channel endpoints and credentials (webhook URLs
 * with keys are credentials: config only, never logged), the acknowledgement-link secret the API
 * shares, and delivery mechanics (retries, robot spacing). Every base URL is configurable so tests
 * aim at local receivers. The notification POLICY (what each colour asks for, the backup delay, the
 * digest period) is not configuration: it is a versioned document (notification_policy_versions,
 * proposed and activated through the API, issue 19).
 */
export const notifyEnvSchema = z.object({
  FQ_NOTIFY_PORT: z.coerce.number().int().min(1).max(65535).default(3400),
  FQ_NOTIFY_SECRET: z.string().optional(),
  // Where the dashboard's /ack/<token> page is, as the people notified reach it.
  FQ_NOTIFY_LINK_BASE: z.string().url().optional(),
  FQ_NOTIFY_ACK_LINK_TTL_MS: ms(30 * MIN, 10_000),
  // Policy, not deployment (issue 19): refused with a pointer rather than silently ignored.
  FQ_NOTIFY_BACKUP_AFTER_MS: movedToPolicy('backupAfterMs'),
  FQ_NOTIFY_DIGEST_MS: movedToPolicy('digestEveryMs'),
  FQ_NOTIFY_POLL_MS: ms(1000, 20),
  FQ_NOTIFY_RETRY_BASE_MS: ms(2000, 10),
  FQ_NOTIFY_RETRY_MAX_MS: ms(5 * MIN, 10),
  FQ_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  // WeCom and DingTalk allow 20 messages a minute per robot: one every 3 s.
  FQ_NOTIFY_ROBOT_SPACING_MS: ms(3000, 0),
  FQ_SMTP_URL: z.string().url().optional(),
  FQ_SMTP_FROM: z.string().default('Fengqiao <fengqiao@localhost>'),
  FQ_NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  FQ_NOTIFY_WEBHOOK_SECRET: z.string().optional(),
  FQ_WECOM_BASE_URL: z.string().url().default('https://qyapi.weixin.qq.com'),
  FQ_WECOM_KEY: z.string().optional(),
  FQ_DINGTALK_BASE_URL: z.string().url().default('https://oapi.dingtalk.com'),
  FQ_DINGTALK_TOKEN: z.string().optional(),
  FQ_DINGTALK_SECRET: z.string().optional(),
  FQ_FEISHU_BASE_URL: z.string().url().default('https://open.feishu.cn'),
  FQ_FEISHU_HOOK: z.string().optional(),
  FQ_FEISHU_SECRET: z.string().optional(),
  FQ_SMS_URL: z.string().url().optional(),
  FQ_SMS_SECRET: z.string().optional(),
});

type NotifyEnv = z.infer<typeof notifyEnvSchema>;

export interface NotifyConfig {
  readonly port: number;
  /** Signs acknowledgement links (API verifies); FQ_NOTIFY_SECRET, else the JWT secret's value. */
  readonly secret: string;
  readonly linkBase: string;
  readonly ackLinkTtlMs: number;
  readonly pollMs: number;
  readonly retry: { readonly baseMs: number; readonly maxMs: number; readonly maxAttempts: number };
  readonly robotSpacingMs: number;
  readonly smtp: { readonly url: string; readonly from: string } | undefined;
  readonly webhook: { readonly url: string; readonly secret: string } | undefined;
  readonly wecom: { readonly baseUrl: string; readonly key: string } | undefined;
  readonly dingtalk:
    { readonly baseUrl: string; readonly token: string; readonly secret?: string } | undefined;
  readonly feishu: { readonly baseUrl: string; readonly hook: string; readonly secret?: string } | undefined;
  readonly sms: { readonly url: string; readonly secret: string } | undefined;
}

export function buildNotifyConfig(e: NotifyEnv, fallbackSecret: string, dashboardUrl: string): NotifyConfig {
  const secret = e.FQ_NOTIFY_SECRET ?? fallbackSecret;
  const opt = <T extends object>(given: unknown, value: T): T | undefined =>
    given === undefined ? undefined : value;
  return {
    port: e.FQ_NOTIFY_PORT,
    secret,
    linkBase: (e.FQ_NOTIFY_LINK_BASE ?? dashboardUrl).replace(/\/+$/, ''),
    ackLinkTtlMs: e.FQ_NOTIFY_ACK_LINK_TTL_MS,
    pollMs: e.FQ_NOTIFY_POLL_MS,
    retry: {
      baseMs: e.FQ_NOTIFY_RETRY_BASE_MS,
      maxMs: e.FQ_NOTIFY_RETRY_MAX_MS,
      maxAttempts: e.FQ_NOTIFY_MAX_ATTEMPTS,
    },
    robotSpacingMs: e.FQ_NOTIFY_ROBOT_SPACING_MS,
    smtp: opt(e.FQ_SMTP_URL, { url: e.FQ_SMTP_URL ?? '', from: e.FQ_SMTP_FROM }),
    webhook: opt(e.FQ_NOTIFY_WEBHOOK_URL, {
      url: e.FQ_NOTIFY_WEBHOOK_URL ?? '',
      secret: e.FQ_NOTIFY_WEBHOOK_SECRET ?? `whsec_${Buffer.from(secret).toString('base64')}`,
    }),
    wecom: opt(e.FQ_WECOM_KEY, { baseUrl: e.FQ_WECOM_BASE_URL, key: e.FQ_WECOM_KEY ?? '' }),
    dingtalk: opt(e.FQ_DINGTALK_TOKEN, {
      baseUrl: e.FQ_DINGTALK_BASE_URL,
      token: e.FQ_DINGTALK_TOKEN ?? '',
      ...(e.FQ_DINGTALK_SECRET === undefined ? {} : { secret: e.FQ_DINGTALK_SECRET }),
    }),
    feishu: opt(e.FQ_FEISHU_HOOK, {
      baseUrl: e.FQ_FEISHU_BASE_URL,
      hook: e.FQ_FEISHU_HOOK ?? '',
      ...(e.FQ_FEISHU_SECRET === undefined ? {} : { secret: e.FQ_FEISHU_SECRET }),
    }),
    sms: opt(e.FQ_SMS_URL, {
      url: e.FQ_SMS_URL ?? '',
      secret: e.FQ_SMS_SECRET ?? `whsec_${Buffer.from(secret).toString('base64')}`,
    }),
  };
}
