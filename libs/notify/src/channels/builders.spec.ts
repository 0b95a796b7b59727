import { type NotificationMessage } from '../message';
import { buildDingTalkRequest, dingTalkSign } from './dingtalk';
import { buildEmail } from './email';
import { buildFeishuRequest, feishuSign } from './feishu';
import { truncateUtf8 } from './http-request';
import { httpVerdict, robotVerdict } from './robot-reply';
import { buildSmsRequest } from './sms';
import { buildWeComRequest, WECOM_MARKDOWN_MAX_BYTES } from './wecom';

const message: NotificationMessage = {
  alertId: '6f1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d',
  title: '打架斗殴风险',
  colour: 'red',
  level: 'township',
  regionName: '巴州区 江北街道',
  reason: 'escalated',
  raisedAt: '2026-12-07 09:30',
  ackUrl: 'https://fq.example/ack/a1.x',
  mention: '13800001111',
};
const NOW = 1_700_000_000_000;

describe('robot message shapes (notify-channels.md)', () => {
  it('WeCom: markdown with <@mention> inside the content, key in the query', () => {
    const r = buildWeComRequest('http://127.0.0.1:1/', 'KEY 1', message);
    expect(r.url).toBe('http://127.0.0.1:1/cgi-bin/webhook/send?key=KEY%201');
    const body = JSON.parse(r.body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain(
      '<font color="warning">【红色预警·乡镇·未确认，已升级】打架斗殴风险</font>',
    );
    expect(body.markdown.content).toContain('<@13800001111>');
    expect(body.markdown.content).toContain('> 确认: https://fq.example/ack/a1.x');
  });

  it('WeCom: content over 4096 bytes is cut on a character boundary', () => {
    const r = buildWeComRequest('http://h', 'k', { ...message, title: '长'.repeat(3000) });
    const content = (JSON.parse(r.body) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES);
    expect(content.endsWith('…')).toBe(true);
  });

  it('DingTalk: markdown, the mobile in at.atMobiles and as @mobile in the text, signed in the query', () => {
    const r = buildDingTalkRequest('http://h', 'TOK', 'SEC0123456789abcdef', message, NOW);
    expect(r.url).toBe(
      `http://h/robot/send?access_token=TOK&timestamp=${NOW}&sign=${dingTalkSign('SEC0123456789abcdef', NOW)}`,
    );
    const body = JSON.parse(r.body) as {
      msgtype: string;
      markdown: { title: string; text: string };
      at: { atMobiles: string[] };
    };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.text).toContain('@13800001111');
    expect(body.at.atMobiles).toEqual(['13800001111']);
  });

  it('DingTalk without a secret sends no timestamp or sign', () => {
    expect(buildDingTalkRequest('http://h', 'TOK', undefined, message, NOW).url).toBe(
      'http://h/robot/send?access_token=TOK',
    );
  });

  it('Feishu: post with the link as an a tag, timestamp (seconds, string) and sign in the body', () => {
    const r = buildFeishuRequest('http://h', 'hook-1', 's3cret', message, NOW);
    expect(r.url).toBe('http://h/open-apis/bot/v2/hook/hook-1');
    const body = JSON.parse(r.body) as Record<string, unknown> & {
      content: { post: { zh_cn: { title: string; content: object[][] } } };
    };
    expect(body.timestamp).toBe(String(NOW / 1000));
    expect(body.sign).toBe(feishuSign('s3cret', NOW / 1000));
    expect(body.msg_type).toBe('post');
    expect(body.content.post.zh_cn.content).toContainEqual([
      { tag: 'a', text: '确认收到', href: message.ackUrl },
    ]);
    expect(body.content.post.zh_cn.content).toContainEqual([{ tag: 'at', user_id: '13800001111' }]);
  });

  it('SMS: a signed {to, text, ref} with the headline and the link', () => {
    const r = buildSmsRequest('http://h/sms', 'whsec_c2VjcmV0', 'n-1', '13800001111', message, NOW);
    expect(JSON.parse(r.body)).toEqual({
      to: '13800001111',
      text: '【红色预警·乡镇·未确认，已升级】打架斗殴风险（巴州区 江北街道） 确认: https://fq.example/ack/a1.x',
      ref: message.alertId,
    });
    expect(r.headers['webhook-id']).toBe('n-1');
  });

  it('email: the headline as subject, the link as a button, HTML escaped', () => {
    const mail = buildEmail({ ...message, title: '<b>x</b>' });
    expect(mail.subject).toBe('【红色预警·乡镇·未确认，已升级】<b>x</b>');
    expect(mail.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(mail.html).toContain('<a href="https://fq.example/ack/a1.x">');
    expect(mail.text).toContain('确认: https://fq.example/ack/a1.x');
  });

  it('truncateUtf8 keeps short text as is', () => {
    expect(truncateUtf8('预警', 100)).toBe('预警');
  });
});

describe('vendor replies: HTTP 200 with a non-zero code is a failure', () => {
  it.each([
    ['WeCom ok', 200, '{"errcode":0,"errmsg":"ok"}', { ok: true }],
    ['Feishu ok', 200, '{"code":0,"msg":"success","data":{}}', { ok: true }],
    [
      'DingTalk sign mismatch',
      200,
      '{"errcode":310000,"errmsg":"sign not match"}',
      { ok: false, code: '310000', message: 'sign not match', retry: false },
    ],
    [
      'DingTalk over limit',
      200,
      '{"errcode":90030,"errmsg":"webhook over limit"}',
      { ok: false, code: '90030', message: 'webhook over limit', retry: true },
    ],
    [
      'Feishu rate limited',
      200,
      '{"code":11232,"msg":"frequency limited"}',
      { ok: false, code: '11232', message: 'frequency limited', retry: true },
    ],
    [
      'Feishu bad sign',
      200,
      '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}',
      expect.objectContaining({ ok: false, code: '19021', retry: false }),
    ],
    ['a 502', 502, 'bad gateway', { ok: false, code: 'HTTP_502', message: 'bad gateway', retry: true }],
    ['not JSON', 200, '<html>', expect.objectContaining({ ok: false, code: 'BAD_REPLY', retry: true })],
  ])('%s', (_what, status, body, verdict) => {
    expect(robotVerdict(status, body)).toEqual(verdict);
  });

  it('plain HTTP: 2xx delivered, 400 not retried, 429 retried', () => {
    expect(httpVerdict(204, '')).toEqual({ ok: true });
    expect(httpVerdict(400, 'no')).toMatchObject({ ok: false, retry: false });
    expect(httpVerdict(429, '')).toMatchObject({ ok: false, retry: true });
  });
});
