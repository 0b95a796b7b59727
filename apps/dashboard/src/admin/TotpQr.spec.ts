import { qrPath } from './TotpQr';

describe('the enrolment QR code', () => {
  it('draws a version-sized square of dark modules with the three finder patterns', () => {
    const { size, d } = qrPath(
      'otpauth://totp/%E6%9E%AB%E6%A1%A5:admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E6%9E%AB%E6%A1%A5&algorithm=SHA1&digits=6&period=30',
    );
    expect((size - 17) % 4).toBe(0); // a QR version's size is 17 + 4·version
    // Finder patterns: the corners' outer rings are dark.
    for (const [c, r] of [
      [0, 0],
      [size - 1, 0],
      [0, size - 1],
    ])
      expect(d).toContain(`M${c} ${r}h1v1h-1z`);
    expect(d).not.toContain('M1 1h1v1h-1z'); // the light ring inside the top-left finder pattern
  });

  it('changes with the secret', () => {
    expect(qrPath('otpauth://totp/a?secret=AAAA').d).not.toBe(qrPath('otpauth://totp/a?secret=BBBB').d);
  });
});
