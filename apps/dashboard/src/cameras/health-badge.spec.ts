import { healthBadge } from './health-badge';

const AT = '2026-12-07T00:40:00.000Z';

describe('the camera row health badge', () => {
  it('shows a fault of a camera that is up, with its measurement in the title', () => {
    const b = healthBadge(
      { verdict: 'frozen', sampleS: 5, fps: 25, bitrateKbps: 12, frozenS: 4.8, blackS: 0, at: AT },
      true,
    );
    expect(b).toMatchObject({ label: '画面冻结', verdict: 'frozen' });
    expect(b?.title).toContain('冻结 4.8 s');
    expect(b?.title).toContain('25 fps');
  });

  it('shows nothing for a healthy stream, an unsampled camera or one that is offline', () => {
    expect(healthBadge({ verdict: 'ok', sampleS: 5, frozenS: 0, blackS: 0, at: AT }, true)).toBeUndefined();
    expect(healthBadge(undefined, true)).toBeUndefined();
    expect(
      healthBadge({ verdict: 'black', sampleS: 5, frozenS: 0, blackS: 5, at: AT }, false),
    ).toBeUndefined();
  });
});
