import { Webhook } from 'standardwebhooks';
import { dingTalkSign } from './dingtalk';
import { feishuSign } from './feishu';
import { signStandardWebhook, verifyStandardWebhook } from './standard-webhook';

// Vectors: the Standard Webhooks README example, and DingTalk / Feishu values computed with
// Python's hmac by the formulas of their documentation (notify-channels.md), not by this code.
describe('channel signatures', () => {
  it('Standard Webhooks: the specification example', () => {
    expect(
      signStandardWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('DingTalk 加签: ms timestamp, key = secret, URL-encoded base64', () => {
    expect(dingTalkSign('SEC0123456789abcdef', 1700000000000)).toBe(
      'TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D',
    );
  });

  it('Feishu: seconds, key = timestamp\\nsecret over an empty message, not URL-encoded', () => {
    expect(feishuSign('feishu-test-secret', 1599360473)).toBe('7Gq8ROqhtzskcbk2fAPXpWnrRaTUDD2iIHvbmt3/cuo=');
  });

  describe('our webhook signature and the reference library agree both ways', () => {
    const secret = `whsec_${Buffer.from('a-test-key-of-32-bytes-exactly!!').toString('base64')}`;
    const body = JSON.stringify({ alertId: 'x', text: '红色预警' });
    const now = 1_800_000_000_000;
    const headers = (sig: string, ts = Math.floor(now / 1000)) => ({
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': sig,
    });

    it('the library verifies what we sign', () => {
      const sig = signStandardWebhook(secret, 'msg_1', Math.floor(Date.now() / 1000), body);
      const wh = new Webhook(secret);
      expect(wh.verify(body, headers(sig, Math.floor(Date.now() / 1000)))).toEqual(JSON.parse(body));
    });

    it('we verify what the library signs', () => {
      const sig = new Webhook(secret).sign('msg_1', new Date(now), body);
      expect(verifyStandardWebhook(secret, headers(sig), body, now)).toEqual({ ok: true });
    });

    it.each([
      [
        'a tampered body',
        (s: string) => verifyStandardWebhook(secret, headers(s), `${body} `, now),
        'BAD_SIGNATURE',
      ],
      [
        'a wrong secret',
        (s: string) =>
          verifyStandardWebhook(
            `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`,
            headers(s),
            body,
            now,
          ),
        'BAD_SIGNATURE',
      ],
      [
        'a stale timestamp',
        (s: string) => verifyStandardWebhook(secret, headers(s), body, now + 301_000),
        'STALE_TIMESTAMP',
      ],
      ['missing headers', () => verifyStandardWebhook(secret, {}, body, now), 'MISSING_HEADERS'],
    ])('%s is refused', (_what, check, reason) => {
      const sig = signStandardWebhook(secret, 'msg_1', Math.floor(now / 1000), body);
      expect(check(sig)).toEqual({ ok: false, reason });
    });

    it('one of several space-separated signatures (key rotation) is enough', () => {
      const sig = signStandardWebhook(secret, 'msg_1', Math.floor(now / 1000), body);
      expect(verifyStandardWebhook(secret, headers(`v1,AAAA ${sig}`), body, now)).toEqual({ ok: true });
    });
  });
});
