import {
  APP_TOTP,
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  totp,
  type TotpAlgorithm,
} from './totp';

// RFC 6238 appendix B: the seeds are the ASCII digits 1234567890 repeated to 20, 32 and 64 bytes.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const RFC6238: readonly [number, TotpAlgorithm, string][] = [
  [59, 'sha1', '94287082'],
  [59, 'sha256', '46119246'],
  [59, 'sha512', '90693936'],
  [1111111109, 'sha1', '07081804'],
  [1111111109, 'sha256', '68084774'],
  [1111111109, 'sha512', '25091201'],
  [1111111111, 'sha1', '14050471'],
  [1111111111, 'sha256', '67062674'],
  [1111111111, 'sha512', '99943326'],
  [1234567890, 'sha1', '89005924'],
  [1234567890, 'sha256', '91819424'],
  [1234567890, 'sha512', '93441116'],
  [2000000000, 'sha1', '69279037'],
  [2000000000, 'sha256', '90698825'],
  [2000000000, 'sha512', '38618901'],
  [20000000000, 'sha1', '65353130'],
  [20000000000, 'sha256', '77737706'],
  [20000000000, 'sha512', '47863826'],
];

// RFC 4226 appendix D: HOTP of the 20-byte seed for counters 0..9.
const RFC4226 = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

describe('TOTP (RFC 6238) and HOTP (RFC 4226)', () => {
  it.each(RFC6238)('RFC 6238 vector: T=%d %s → %s', (seconds, algorithm, expected) => {
    expect(totp(SEEDS[algorithm], seconds, { algorithm, digits: 8, stepSeconds: 30 })).toBe(expected);
  });

  it.each(RFC4226.map((code, counter) => [counter, code] as const))(
    'RFC 4226 vector: counter %d → %s',
    (counter, expected) => {
      expect(hotp(SEEDS.sha1, counter, 6, 'sha1')).toBe(expected);
    },
  );

  it('accepts one step of drift either way and returns the step it matched', () => {
    const key = SEEDS.sha1;
    const t = 1_700_000_000;
    expect(matchTotp(key, totp(key, t), t, null)).toBe(Math.floor(t / 30));
    expect(matchTotp(key, totp(key, t - 30), t, null)).toBe(Math.floor(t / 30) - 1);
    expect(matchTotp(key, totp(key, t + 30), t, null)).toBe(Math.floor(t / 30) + 1);
    expect(matchTotp(key, totp(key, t - 90), t, null)).toBeNull();
    expect(matchTotp(key, totp(key, t + 300), t, null)).toBeNull();
  });

  it('refuses a code of a step already used (no replay within the window)', () => {
    const key = SEEDS.sha1;
    const t = 1_700_000_000;
    const step = matchTotp(key, totp(key, t), t, null);
    expect(step).not.toBeNull();
    expect(matchTotp(key, totp(key, t), t + 5, step)).toBeNull();
    expect(matchTotp(key, totp(key, t + 30), t + 30, step)).toBe((step ?? 0) + 1);
  });

  it('base32 round-trips and matches RFC 4648 vectors', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(SEEDS.sha1);
    expect(() => base32Decode('1!')).toThrow('not base32');
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('枫桥', 'admin', 'GEZDGNBVGY3TQOJQ');
    expect(uri).toBe(
      'otpauth://totp/%E6%9E%AB%E6%A1%A5:admin?secret=GEZDGNBVGY3TQOJQ&issuer=%E6%9E%AB%E6%A1%A5&algorithm=SHA1&digits=6&period=30',
    );
    expect(APP_TOTP).toEqual({ algorithm: 'sha1', digits: 6, stepSeconds: 30 });
  });
});
