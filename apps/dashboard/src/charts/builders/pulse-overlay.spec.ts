import { buildMapOption } from './map-option';
import { pulseItems, samePulses, type Projector } from './pulse-overlay';

// A linear projection is enough to check the mapping: 100 px per degree from (106, 32) down-right.
const project: Projector = (lon, lat) => [(lon - 106) * 100, (32 - lat) * 100];

const input = {
  markers: [{ name: '红色预警', lon: 106.8, lat: 31.9, colour: 'red' as const }],
  hotspots: [
    { name: 'a', lon: 106.7, lat: 31.8, events: 40, ratio: 2.5 },
    { name: 'b', lon: 107.1, lat: 31.5, events: 20, ratio: 1 },
  ],
  scale: 2,
};

describe('the map pulse overlay', () => {
  it('draws the markers as static canvas scatter: nothing animates on the canvas', () => {
    const option = buildMapOption({ mapName: 'bazhong', heat: [], ...input });
    const types = (option.series as { type: string }[]).map((s) => s.type);
    expect(types).toEqual(['map', 'scatter', 'scatter']);
    expect(JSON.stringify(option)).not.toContain('ripple');
  });

  it('puts one ring on each marker, sized like its dot, alerts after (over) hotspots', () => {
    const items = pulseItems(input, project);
    expect(items.map((p) => [p.kind, Math.round(p.x), Math.round(p.y), p.size, p.colour])).toEqual([
      ['hotspot', 70, 20, 48, '#f5c542'],
      ['hotspot', 110, 50, 34, expect.any(String)],
      ['alert', 80, 10, 48, '#ff3b3b'],
    ]);
    expect(items[1]?.colour).not.toBe('#f5c542');
  });

  it('leaves out markers the chart cannot place yet', () => {
    const none: Projector = () => undefined;
    expect(pulseItems(input, none)).toEqual([]);
  });

  it('treats sub-pixel moves as the same rings, a moved or new ring as a change', () => {
    const a = pulseItems(input, project);
    const nudged = pulseItems(input, (lon, lat) => {
      const p = project(lon, lat);
      return p && [p[0] + 0.2, p[1] - 0.2];
    });
    expect(samePulses(a, nudged)).toBe(true);
    const moved = pulseItems(input, (lon, lat) => {
      const p = project(lon, lat);
      return p && [p[0] + 5, p[1]];
    });
    expect(samePulses(a, moved)).toBe(false);
    expect(samePulses(a, a.slice(1))).toBe(false);
  });
});
