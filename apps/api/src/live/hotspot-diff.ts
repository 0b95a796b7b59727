import { type LiveHotspot } from '@fengqiao/contracts';

export interface HotspotDiff {
  readonly upserted: LiveHotspot[];
  readonly removed: string[];
}

const same = (a: LiveHotspot, b: LiveHotspot): boolean =>
  a.rank === b.rank &&
  a.events === b.events &&
  a.expected === b.expected &&
  a.topCategory === b.topCategory &&
  a.name === b.name &&
  a.county === b.county &&
  a.score === b.score &&
  JSON.stringify(a.factors) === JSON.stringify(b.factors);

/** What a client holding `prev` needs to hold `next`: whole entries keyed by township. */
export function diffHotspots(prev: readonly LiveHotspot[], next: readonly LiveHotspot[]): HotspotDiff {
  const before = new Map(prev.map((h) => [h.township, h]));
  const after = new Set(next.map((h) => h.township));
  return {
    upserted: next.filter((h) => {
      const old = before.get(h.township);
      return old === undefined || !same(old, h);
    }),
    removed: prev.filter((h) => !after.has(h.township)).map((h) => h.township),
  };
}

/** Applies a diff (the client's side; used by the tests to check the stream converges). */
export function applyHotspotDiff(list: readonly LiveHotspot[], diff: HotspotDiff): LiveHotspot[] {
  const gone = new Set([...diff.removed, ...diff.upserted.map((h) => h.township)]);
  return [...list.filter((h) => !gone.has(h.township)), ...diff.upserted].sort((a, b) => a.rank - b.rank);
}
