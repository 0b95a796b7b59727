import {
  type HotspotContribution,
  type HotspotsDelta,
  type HotspotsSnapshot,
  type LiveHotspot,
} from '@fengqiao/contracts';

/**
 * The wall's top-hotspots list as the server streams it: a snapshot, then deltas that continue from
 * its version. Pure and DOM-free; bounded by the server's list length (and `HOTSPOT_CAPACITY`).
 */
export interface HotspotBook {
  /** Undefined until the first snapshot. */
  readonly version: number | undefined;
  readonly asOf: string | undefined;
  readonly items: readonly LiveHotspot[];
  /** A delta that did not continue from our version arrived: the list may be behind until a snapshot. */
  readonly gap: boolean;
}

export const HOTSPOT_CAPACITY = 100;

export const emptyHotspots = (): HotspotBook => ({
  version: undefined,
  asOf: undefined,
  items: [],
  gap: false,
});

const byRank = (a: LiveHotspot, b: LiveHotspot): number => a.rank - b.rank || b.events - a.events;

export function applySnapshot(s: HotspotsSnapshot): HotspotBook {
  return {
    version: s.version,
    asOf: s.asOf,
    items: [...s.items].sort(byRank).slice(0, HOTSPOT_CAPACITY),
    gap: false,
  };
}

/** Applies a delta that continues from our version; any other delta marks a gap and changes nothing. */
export function applyDelta(book: HotspotBook, d: HotspotsDelta): HotspotBook {
  if (book.version === undefined || d.version <= book.version) return book;
  if (d.fromVersion !== book.version) return { ...book, gap: true };
  const gone = new Set([...d.removed, ...d.upserted.map((u) => u.township)]);
  const items = [...book.items.filter((i) => !gone.has(i.township)), ...d.upserted]
    .sort(byRank)
    .slice(0, HOTSPOT_CAPACITY);
  return { version: d.version, asOf: d.asOf, items, gap: false };
}

/** Factors shown per hotspot on the wall: more would not be read from across the room. */
export const FACTORS_SHOWN = 2;

const ratio = (value: number, expected: number): string => `${(value / expected).toFixed(1)}× 常态`;

/** One engine factor in plain Chinese: what was seen against what is usual here at this hour. */
export function factorText(f: HotspotContribution): string {
  switch (f.factor) {
    case 'cases':
      return f.expected > 0 ? `纠纷 ${ratio(f.value, f.expected)}` : `纠纷 ${f.value.toFixed(1)}（常态 0）`;
    case 'analytics':
      return f.expected > 0 ? `视频识别 ${ratio(f.value, f.expected)}` : `视频识别 ${Math.round(f.value)} 起`;
    case 'blindness':
      return `摄像头离线 ${Math.round(f.value * 100)}%`;
  }
}

/** The engine's factors that raised the score, largest first; none for a list ranked by counts. */
export function factorTexts(h: LiveHotspot): string[] {
  return (h.factors ?? [])
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, FACTORS_SHOWN)
    .map(factorText);
}
