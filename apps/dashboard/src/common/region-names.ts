import { type RegionNode } from '@fengqiao/contracts';

/** Loads the children of a region (GET /api/regions?parent=…). */
export type ChildrenLoader = (parent: string) => Promise<readonly RegionNode[]>;

/** At most this many parents' lists are kept (a console runs for a shift: STYLE.md §13). */
const MAX_PARENTS = 64;

/**
 * Names of townships, villages and grid cells, learnt one parent at a time from the region API and
 * kept for the page: a row shows a name where a person reads it, its code on hover. Pure apart from
 * the injected loader; a name not (yet) known reads as its code.
 */
export class RegionNames {
  private readonly byCode = new Map<string, string>();
  private readonly asked = new Map<string, Promise<void>>();

  constructor(private readonly load: ChildrenLoader) {}

  /** The name of `code` when known; undefined while its parent's list has not been loaded. */
  known(code: string): string | undefined {
    return this.byCode.get(code);
  }

  /** Loads the list `code` belongs to (once per parent), then resolves with its name or its code. */
  async nameOf(code: string): Promise<string> {
    const parent = parentOf(code);
    if (parent === undefined) return this.byCode.get(code) ?? code;
    let pending = this.asked.get(parent);
    if (pending === undefined) {
      if (this.asked.size >= MAX_PARENTS) {
        this.asked.clear();
        this.byCode.clear();
      }
      pending = this.load(parent).then(
        (nodes) => {
          for (const n of nodes) this.byCode.set(n.code, n.name);
        },
        () => {
          this.asked.delete(parent); // a failed load is asked again next time
        },
      );
      this.asked.set(parent, pending);
    }
    await pending;
    return this.byCode.get(code) ?? code;
  }
}

/** The parent whose children list names `code`: a township's county, a village's township. */
export function parentOf(code: string): string | undefined {
  if (/^\d{9}$/.test(code)) return code.slice(0, 6);
  if (/^\d{12}$/.test(code)) return code.slice(0, 9);
  return undefined;
}
