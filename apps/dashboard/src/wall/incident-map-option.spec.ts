import { buildIncidentMapOption, INCIDENT_ZOOM } from './incident-map-option';

describe('the incident map option', () => {
  const input = { mapName: 'm', point: { lon: 107.25, lat: 31.91 }, label: '通江县江北街道', scale: 2 };

  it('zooms the district map onto the incident and marks it in red with the township name', () => {
    const option = buildIncidentMapOption(input);
    expect(option.geo).toMatchObject({ map: 'm', center: [107.25, 31.91], zoom: INCIDENT_ZOOM, roam: false });
    const [marker] = option.series as { data: { name: string; value: number[] }[]; label: object }[];
    expect(marker?.data).toEqual([{ name: '通江县江北街道', value: [107.25, 31.91] }]);
    expect(marker?.label).toMatchObject({ show: true, fontSize: 56 });
  });

  it('scales with the wall: a 4K wall gets twice the marker and label of a 1080p one', () => {
    const small = buildIncidentMapOption({ ...input, scale: 1 }).series as { symbolSize: number }[];
    const large = buildIncidentMapOption(input).series as { symbolSize: number }[];
    expect(large[0]?.symbolSize).toBe(2 * (small[0]?.symbolSize ?? 0));
  });
});
