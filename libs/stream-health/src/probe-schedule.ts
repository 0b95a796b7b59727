/**
 * Which cameras to sample next: cameras near an open alert first (each at most once per
 * `priorityEveryMs`), then the whole fleet round robin, so every camera comes round and a camera an
 * officer may be looking at comes round often. Pure: the caller gives the fleet, the priority set
 * and the clock.
 */
export class ProbeSchedule {
  private cursor = 0;
  private readonly lastPriorityAt = new Map<string, number>();

  constructor(private readonly priorityEveryMs: number) {}

  /** Up to `n` distinct cameras of `fleet` to sample now, none of those `busy`. */
  next(
    fleet: readonly string[],
    priority: ReadonlySet<string>,
    busy: ReadonlySet<string>,
    n: number,
    nowMs: number,
  ): string[] {
    const picked: string[] = [];
    const taken = new Set(busy);
    for (const id of fleet) {
      if (picked.length >= n) break;
      if (!priority.has(id) || taken.has(id)) continue;
      if (nowMs - (this.lastPriorityAt.get(id) ?? -Infinity) < this.priorityEveryMs) continue;
      picked.push(id);
      taken.add(id);
      this.lastPriorityAt.set(id, nowMs);
    }
    const start = fleet.length === 0 ? 0 : this.cursor % fleet.length;
    for (let step = 0; step < fleet.length && picked.length < n; step += 1) {
      const at = (start + step) % fleet.length;
      const id = fleet[at];
      this.cursor = (at + 1) % fleet.length;
      if (id === undefined || taken.has(id)) continue;
      picked.push(id);
      taken.add(id);
    }
    for (const id of this.lastPriorityAt.keys()) if (!priority.has(id)) this.lastPriorityAt.delete(id);
    return picked;
  }
}
