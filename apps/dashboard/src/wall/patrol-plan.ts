import { type CameraStatusAggregate, type NearbyCamera, type StreamState } from '@fengqiao/contracts';

/** Tiles of the patrol wall (2×2). */
export const PATROL_TILES = 4;

const STREAM_RANK: Record<StreamState, number> = { streaming: 0, online: 1, offline: 2, unknown: 3 };

/**
 * The cameras a red alert pins: those that can play now first (streaming), then by distance. An
 * operator looking at an alert wants a picture, and a nearer dark camera shows none.
 */
export function pinOrder(nearby: readonly NearbyCamera[], tiles = PATROL_TILES): NearbyCamera[] {
  return [...nearby]
    .sort((a, b) => STREAM_RANK[a.streamState] - STREAM_RANK[b.streamState] || a.distanceM - b.distanceM)
    .slice(0, tiles);
}

/**
 * The order the patrol visits counties: those with cameras streaming now first (most first), then
 * the rest in code order, so the wall shows video rather than "offline" tiles whenever any exists.
 */
export function patrolCounties(
  aggregate: CameraStatusAggregate | undefined,
  all: readonly string[],
): string[] {
  const streaming = new Map<string, number>();
  for (const r of aggregate?.rows ?? []) {
    const county = r.region.slice(0, 6);
    streaming.set(county, (streaming.get(county) ?? 0) + r.streaming);
  }
  return [...all].sort((a, b) => (streaming.get(b) ?? 0) - (streaming.get(a) ?? 0) || a.localeCompare(b));
}

/**
 * The tiles of one rotation: the cameras streaming now first, then the county rotation. A streaming
 * pick that stops keeps its tile (saying "离线") until the next rotation replaces it; a rotation
 * camera found dark is replaced at once from its spares, since most of those were never streaming.
 */
export function patrolTiles<T extends { readonly cameraId: string }>(
  streaming: readonly T[],
  rotation: readonly T[],
  dark: ReadonlySet<string>,
  tiles = PATROL_TILES,
): T[] {
  const first = streaming.slice(0, tiles);
  const taken = new Set(first.map((c) => c.cameraId));
  const rest = rotation.filter((c) => !taken.has(c.cameraId));
  return [...first, ...(first.length < tiles ? visibleGroup(rest, dark, tiles - first.length) : [])];
}

/**
 * One tile of the 2×2 slot, as VideoTile props: on patrol, or pinned by the flashing red alert. Every
 * tile shows the camera's latest analytics snapshot in its corner, as on the video wall (decision
 * 0020): an officer glancing at the slot sees what the analytics last saw, alert or not.
 */
export type SlotTile<T> = { readonly camera: T; readonly snapshots: true } & (
  { readonly reason: 'patrol' } | { readonly reason: 'alert'; readonly alertId: string }
);

/** The slot's tiles: the alert's pinned cameras first, then the patrol's (each camera once). */
export function slotTiles<T extends { readonly cameraId: string }>(
  pinned: readonly T[],
  patrol: readonly T[],
  alertId: string | undefined,
  tiles = PATROL_TILES,
): SlotTile<T>[] {
  const pinnedIds = new Set(pinned.map((c) => c.cameraId));
  const shown = [...pinned, ...patrol.filter((c) => !pinnedIds.has(c.cameraId))].slice(0, tiles);
  return shown.map((camera) =>
    alertId !== undefined && pinnedIds.has(camera.cameraId)
      ? { camera, snapshots: true, reason: 'alert', alertId }
      : { camera, snapshots: true, reason: 'patrol' },
  );
}

/** The streaming cameras a new rotation takes: those found dark in the last one are replaced. */
export function nextStreaming<T extends { readonly cameraId: string }>(
  page: readonly T[],
  droppedLastRotation: ReadonlySet<string>,
  tiles = PATROL_TILES,
): T[] {
  return page.filter((c) => !droppedLastRotation.has(c.cameraId)).slice(0, tiles);
}

/** The tiles to show: the group's cameras minus those found dark, topped up from the spares. */
export function visibleGroup<T extends { readonly cameraId: string }>(
  candidates: readonly T[],
  dark: ReadonlySet<string>,
  tiles = PATROL_TILES,
): T[] {
  const live = candidates.filter((c) => !dark.has(c.cameraId));
  // When everything is dark, show the dark tiles rather than nothing: "offline" is information too.
  return (live.length > 0 ? live : candidates).slice(0, tiles);
}

/** The registry filter of one patrol visit: the configured scope, else the county the rotation is on. */
export function patrolFilter(
  scope: { readonly county?: string; readonly township?: string; readonly siteType?: string },
  rotationCounty: string | undefined,
): { county?: string; township?: string; siteType?: string } {
  const region =
    scope.township !== undefined ? { township: scope.township } : { county: scope.county ?? rotationCounty };
  return scope.siteType === undefined ? region : { ...region, siteType: scope.siteType };
}

/**
 * A region scope patrols its own registry; a city-wide (or site-type-only) 2×2 rotates the counties.
 * A 9 or 16 split pages through the whole city instead: one county's page rarely fills it.
 */
export function patrolsCounties(
  scope: { readonly county?: string; readonly township?: string },
  tiles = PATROL_TILES,
): boolean {
  return scope.county === undefined && scope.township === undefined && tiles <= PATROL_TILES;
}

/** Columns of a square split (1, 4, 9, 16 tiles → 1, 2, 3, 4). */
export const splitColumns = (tiles: number): number => Math.max(1, Math.ceil(Math.sqrt(tiles)));

/**
 * A video wall's split kept full: the tiles chosen (streaming, then live ones) topped up with the
 * group's dark cameras, so a 16 split shows sixteen tiles ("离线" is information too) rather than
 * holes, and playing cameras always come first.
 */
export function fillSplit<T extends { readonly cameraId: string }>(
  shown: readonly T[],
  rotation: readonly T[],
  tiles: number,
): T[] {
  const taken = new Set(shown.map((c) => c.cameraId));
  const spare = rotation.filter((c) => !taken.has(c.cameraId));
  return [...shown, ...spare].slice(0, tiles);
}
