import { type RegionNode } from '@fengqiao/contracts';
import { type MapOptionInput } from '../charts/builders/map-option';
import { schematicMap } from '../geo/district-map';
import { townshipAreasOf } from '../geo/township-areas';
import { M } from '../i18n/strings';
import { buildWallMapOption, townshipHeat, type WallTownships } from './county-map-option';
import { COUNTY_ZOOM, countyFocus } from './map-focus';

// Issue 21 on the wall: a county view draws the county's derived township areas, as the analysis
// map does, and says they are derived; without them, the city's map looks at the county as before.
const township = (code: string, name: string, lon: number, lat: number): RegionNode => ({
  code,
  name,
  level: 'township',
  point: { lon, lat },
});
const SEATS = [
  township('511922001', '南江江北街道', 106.83, 32.35),
  township('511922002', '南江回风街道', 106.95, 32.3),
  township('511922003', '南江东城街道', 106.9, 32.45),
];
const areas = townshipAreasOf(schematicMap(), '511922', SEATS);

const input = (scale: number): MapOptionInput => ({
  mapName: 'bazhong-districts',
  heat: [{ name: '南江县', value: 40 }],
  markers: [{ name: '红色预警', lon: 106.9, lat: 32.35, colour: 'red' }],
  scale,
  hotspots: [{ name: '南江回风街道', lon: 106.95, lat: 32.3, events: 12, ratio: 2 }],
  cameraShares: [{ name: '南江县', text: '视频在线 93.2%' }],
});
const townships: WallTownships = {
  mapName: 'wall-county-511922-townships',
  countyName: areas?.countyName ?? '',
  heat: townshipHeat(areas?.townships ?? new Map(), [
    { region: '511922002', events: 12 },
    { region: '511922001', events: 3 },
  ]),
  note: M.derivedTownships,
};
const focus = countyFocus({ lon: 106.84, lat: 32.35 });

interface Geo {
  map: string;
  center?: unknown;
  zoom?: unknown;
  regions?: {
    name: string;
    label: { show: boolean; fontSize?: number };
    itemStyle: { borderWidth: number };
  }[];
}
interface Text {
  left?: number;
  right?: number;
  top?: number;
  style: { text: string; fontSize: number };
}

describe('the wall map of a county view', () => {
  it('shades every derived township area by its events, 0 where it has none', () => {
    expect(townships.countyName).toBe('南江县');
    expect(townships.heat).toEqual([
      { name: '南江江北街道', value: 3 },
      { name: '南江回风街道', value: 12 },
      { name: '南江东城街道', value: 0 },
    ]);
  });

  it.each([1, 2])(
    'draws the townships alone, named, the outline over them and the derived note (scale %d)',
    (scale) => {
      const option = buildWallMapOption(input(scale), { focus, townships });
      const geo = option.geo as Geo;
      // The county fills the map: no focus on a map of the county alone.
      expect(geo).toMatchObject({ map: 'wall-county-511922-townships' });
      expect(geo.center).toBeUndefined();
      expect(geo.zoom).toBeUndefined();
      expect(geo.regions?.map((r) => [r.name, r.label.show, r.itemStyle.borderWidth])).toEqual([
        ['南江县', false, 2.5 * scale],
        ['南江江北街道', true, 1.2 * scale],
        ['南江回风街道', true, 1.2 * scale],
        ['南江东城街道', true, 1.2 * scale],
      ]);
      // Larger than the analysis desk's 12 px: read across a room.
      expect(geo.regions?.[1]?.label.fontSize).toBe(15 * scale);
      const series = option.series as { data: unknown[] }[];
      expect(series[0]?.data).toEqual(townships.heat);
      expect(series[1]?.data).toHaveLength(1);
      expect(series[2]?.data).toHaveLength(1);
      const [note, caption] = option.graphic as Text[];
      expect(note?.style.text).toBe('派生的乡镇边界，仅示意');
      // The heat legend keeps the bottom left; the note takes the bottom right.
      expect(note).toMatchObject({ right: 10 * scale });
      expect(note?.left).toBeUndefined();
      expect(caption?.style).toMatchObject({ text: '南江县 · 视频在线 93.2%', fontSize: 16 * scale });
    },
  );

  it('without township areas is the city map looking at the county, as before', () => {
    const option = buildWallMapOption(input(1), { focus, townships: undefined });
    expect(option.geo).toMatchObject({
      map: 'bazhong-districts',
      center: [106.84, 32.35],
      zoom: COUNTY_ZOOM,
    });
    expect((option.geo as Geo).regions).toBeUndefined();
    expect(option.graphic).toBeUndefined();
    expect(buildWallMapOption(input(1)).geo).not.toHaveProperty('zoom');
  });
});
