import { type Alert } from '@fengqiao/contracts';
import { alertMarkers, sameMarkers } from './map-markers';

const alert = (n: number, colour: Alert['colour'], state: Alert['state'] = 'raised'): Alert => ({
  alertId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  dedupKey: `k${n}`,
  ruleId: 'r',
  ruleVersion: 1,
  colour,
  state,
  version: 1,
  title: `预警 ${n}`,
  region: { county: '511902', township: '511902001' },
  location: { lon: 106.7 + n / 1000, lat: 31.8 },
  escalationLevel: 'grid',
  raisedAt: new Date(Date.UTC(2026, 11, 7, 0, 0, n)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 11, 7, 0, 0, n)).toISOString(),
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
});

describe('the wall map’s alert markers', () => {
  const reds = [alert(1, 'red'), alert(2, 'red', 'acknowledged')];
  const storm = Array.from({ length: 500 }, (_, i) => alert(100 + i, 'blue'));

  it('marks open red alerts only, never a blue storm', () => {
    expect(alertMarkers([...reds, ...storm]).map((m) => m.name)).toEqual(
      expect.arrayContaining(['预警 1', '预警 2']),
    );
    expect(alertMarkers([...reds, ...storm])).toHaveLength(2);
    expect(alertMarkers([...reds, alert(3, 'red', 'resolved')])).toHaveLength(2);
  });

  it('marks only the county’s alerts when the map draws that county alone', () => {
    const elsewhere = { ...alert(5, 'red'), region: { county: '511922', township: '511922001' } };
    expect(alertMarkers([...reds, elsewhere]).map((m) => m.name)).toContain('预警 5');
    expect(alertMarkers([...reds, elsewhere], '511922').map((m) => m.name)).toEqual(['预警 5']);
  });

  it('reads a book grown by blue alerts as the same markers (the map keeps its option)', () => {
    const before = alertMarkers(reds);
    const after = alertMarkers([...reds, ...storm, alert(999, 'blue')]);
    expect(after).not.toBe(before);
    expect(sameMarkers(before, after)).toBe(true);
  });

  it.each([
    ['a new red alert', [...reds, alert(4, 'red')]],
    ['a red alert resolved', [reds[0] as Alert]],
    ['a red alert moved', [{ ...(reds[0] as Alert), location: { lon: 107, lat: 31.9 } }, reds[1] as Alert]],
  ])('tells %s from the markers before', (_title, next) => {
    expect(sameMarkers(alertMarkers(reds), alertMarkers(next))).toBe(false);
  });
});
