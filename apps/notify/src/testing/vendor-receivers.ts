import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { dingTalkSign, feishuSign } from '@fengqiao/notify';

/** What a receiver accepted, in arrival order. */
export interface Received {
  readonly vendor: 'wecom' | 'dingtalk' | 'feishu' | 'webhook' | 'sms';
  readonly at: number;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingMessage['headers'];
}

export interface ReceiverSecrets {
  readonly wecomKey: string;
  readonly dingtalkToken: string;
  readonly dingtalkSecret: string;
  readonly feishuHook: string;
  readonly feishuSecret: string;
  readonly webhookSecret: string;
  readonly smsSecret: string;
}

const HOUR_MS = 3600_000;

/**
 * One local receiver per vendor, same path shapes as the real ones, that checks what the vendor
 * checks (key or token, the signature recomputed with the test secret and its time window, the JSON
 * shape) and answers as the vendor does: HTTP 200 with a non-zero code for a refusal. Standard
 * Webhooks (our webhook and the SMS gateway) are verified with the reference library. `failNext`
 * scripts failures (e.g. two 503s) per vendor, to test retries.
 */
export class VendorReceivers {
  readonly received: Received[] = [];
  readonly refused: { vendor: string; why: string }[] = [];
  private readonly failures = new Map<string, number[]>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly s: ReceiverSecrets) {}

  failNext(vendor: Received['vendor'], statuses: number[]): void {
    this.failures.set(vendor, [...statuses]);
  }

  of(vendor: Received['vendor']): Received[] {
    return this.received.filter((r) => r.vendor === vendor);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { status, body } = this.answer(req, Buffer.concat(chunks).toString('utf8'));
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((r) => this.server?.close(r));
  }

  private answer(req: IncomingMessage, raw: string): { status: number; body: object } {
    const url = new URL(req.url ?? '/', 'http://x');
    const vendor = vendorOf(url.pathname);
    if (vendor === undefined) return { status: 404, body: { error: 'no such path' } };
    const scripted = this.failures.get(vendor)?.shift();
    if (scripted !== undefined)
      return { status: scripted, body: { errcode: -1, errmsg: 'scripted failure' } };
    const why = this.check(vendor, req, url, raw);
    if (why !== undefined) {
      this.refused.push({ vendor, why: why.message });
      return { status: 200, body: why.reply };
    }
    this.received.push({
      vendor,
      at: Date.now(),
      body: JSON.parse(raw) as Record<string, unknown>,
      headers: req.headers,
    });
    return {
      status: 200,
      body: vendor === 'feishu' ? { code: 0, msg: 'success', data: {} } : { errcode: 0, errmsg: 'ok' },
    };
  }

  private check(
    vendor: Received['vendor'],
    req: IncomingMessage,
    url: URL,
    raw: string,
  ): { message: string; reply: object } | undefined {
    const body = JSON.parse(raw) as Record<string, unknown>;
    switch (vendor) {
      case 'wecom':
        if (url.searchParams.get('key') !== this.s.wecomKey) return refuse(93000, 'invalid webhook url');
        if (body.msgtype !== 'markdown') return refuse(40008, 'invalid message type');
        return Buffer.byteLength((body.markdown as { content: string }).content) > 4096
          ? refuse(40058, 'too long')
          : undefined;
      case 'dingtalk': {
        if (url.searchParams.get('access_token') !== this.s.dingtalkToken)
          return refuse(300001, 'token is not exist');
        const ts = Number(url.searchParams.get('timestamp'));
        // The query parser decoded the sign once; DingTalk compares the URL-encoded form.
        const sign = encodeURIComponent(url.searchParams.get('sign') ?? '');
        if (Math.abs(Date.now() - ts) > HOUR_MS || sign !== dingTalkSign(this.s.dingtalkSecret, ts))
          return refuse(310000, 'sign not match');
        return body.msgtype === 'markdown' ? undefined : refuse(40035, 'bad msgtype');
      }
      case 'feishu': {
        if (url.pathname !== `/open-apis/bot/v2/hook/${this.s.feishuHook}`)
          return {
            message: 'no hook',
            reply: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
          };
        const ts = Number(body.timestamp);
        if (Math.abs(Date.now() / 1000 - ts) > 3600 || body.sign !== feishuSign(this.s.feishuSecret, ts))
          return {
            message: 'sign',
            reply: {
              code: 19021,
              msg: 'sign match fail or timestamp is not within one hour from current time',
            },
          };
        return body.msg_type === 'post'
          ? undefined
          : { message: 'type', reply: { code: 9499, msg: 'Bad Request' } };
      }
      case 'webhook':
      case 'sms':
        try {
          new Webhook(vendor === 'sms' ? this.s.smsSecret : this.s.webhookSecret).verify(raw, {
            'webhook-id': String(req.headers['webhook-id']),
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          });
          return undefined;
        } catch (err) {
          return {
            message: err instanceof Error ? err.message : 'verify failed',
            reply: { error: 'bad signature' },
          };
        }
    }
  }
}

function refuse(errcode: number, errmsg: string): { message: string; reply: object } {
  return { message: errmsg, reply: { errcode, errmsg } };
}

function vendorOf(path: string): Received['vendor'] | undefined {
  if (path === '/cgi-bin/webhook/send') return 'wecom';
  if (path === '/robot/send') return 'dingtalk';
  if (path.startsWith('/open-apis/bot/v2/hook/')) return 'feishu';
  if (path === '/webhook') return 'webhook';
  if (path === '/sms') return 'sms';
  return undefined;
}
