import { createTransport, type Transporter } from 'nodemailer';
import { type NotifyConfig } from '@fengqiao/config';
import { buildEmail, type DeliveryVerdict } from '@fengqiao/notify';
import { type Delivery, type NotificationChannel } from './channel.port';

/** SMTP through nodemailer (smtp:// or smtps:// URL with credentials, from config). */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly cfg: NonNullable<NotifyConfig['smtp']>) {
    this.transport = createTransport(cfg.url);
  }

  async send(d: Delivery): Promise<DeliveryVerdict> {
    const mail = buildEmail(d.message);
    try {
      const info = (await this.transport.sendMail({
        from: this.cfg.from,
        to: d.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Fengqiao-Notification': d.id },
      })) as { accepted: unknown[]; rejected: unknown[]; response: string };
      if (info.rejected.length > 0)
        return { ok: false, code: 'SMTP_REJECTED', message: info.response, retry: false };
      return { ok: true };
    } catch (err) {
      const e = err as { responseCode?: number; code?: string; message?: string };
      // 5xx replies are permanent; connection problems and 4xx are tried again.
      const permanent = e.responseCode !== undefined && e.responseCode >= 500;
      return {
        ok: false,
        code: e.code ?? 'SMTP_ERROR',
        message: e.message ?? 'send failed',
        retry: !permanent,
      };
    }
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
