/** Whether a user scoped to `regions` (county or township codes; empty = city) may see a place. */
export function inScope(
  regions: readonly string[],
  place: { county: string; township?: string | null },
): boolean {
  if (regions.length === 0) return true;
  return regions.some((r) => r === place.county || (place.township != null && r === place.township));
}
