/**
 * Whether a scoped caller may see a region: one inside their regions, or an ancestor of one (a
 * township-scoped officer still picks their county to reach their township). Empty scope = the city.
 */
export function regionVisible(scope: readonly string[], code: string): boolean {
  return scope.length === 0 || scope.some((r) => code.startsWith(r) || r.startsWith(code));
}
