import { type CameraStatusAggregate } from '@fengqiao/contracts';
import { type TownshipCamerasRow } from './live-sources.repository';
import { type LiveScope } from './live-scopes';

type Row = CameraStatusAggregate['rows'][number];

/** City → one row per county; a county → its townships; a township → itself. */
export function cameraAggregateOf(
  rows: readonly TownshipCamerasRow[],
  scope: LiveScope,
  asOf: string,
): CameraStatusAggregate {
  const level = scope === null ? 'county' : 'township';
  const inScope = rows.filter((r) => scope === null || r.county === scope || r.township === scope);
  const byRegion = new Map<string, Omit<Row, 'onlineShare'>>();
  for (const r of inScope) {
    const region = level === 'county' ? r.county : r.township;
    const prev = byRegion.get(region) ?? { region, total: 0, online: 0, streaming: 0 };
    byRegion.set(region, {
      region,
      total: prev.total + r.total,
      online: prev.online + r.online,
      streaming: prev.streaming + r.streaming,
    });
  }
  return {
    scope: { region: scope },
    level,
    asOf,
    rows: [...byRegion.values()]
      .sort((a, b) => a.region.localeCompare(b.region))
      .map((r) => ({
        ...r,
        onlineShare: r.total === 0 ? 0 : Math.round((r.online / r.total) * 10_000) / 10_000,
      })),
  };
}
