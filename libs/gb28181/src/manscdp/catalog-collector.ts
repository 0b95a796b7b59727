import { type CatalogItem } from './manscdp-types';

export interface CatalogPage {
  readonly deviceId: string;
  readonly sn: number;
  readonly sumNum: number;
  readonly items: readonly CatalogItem[];
}

interface Pending {
  readonly items: Map<string, CatalogItem>;
  readonly sumNum: number;
  readonly startedMs: number;
}

/**
 * Collects a Catalog answer split over several MESSAGEs, by (device, SN), until the distinct items
 * reach SumNum (`complete`), or its time is up (`expire`: what arrived is used, the rest is missing).
 */
export class CatalogCollector {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly timeoutMs: number) {}

  /** Adds a page; returns the whole list once complete. */
  add(page: CatalogPage, nowMs: number): CatalogItem[] | undefined {
    const key = `${page.deviceId}:${page.sn}`;
    const p: Pending = this.pending.get(key) ?? {
      items: new Map<string, CatalogItem>(),
      sumNum: page.sumNum,
      startedMs: nowMs,
    };
    for (const item of page.items) p.items.set(item.deviceId, item);
    if (p.items.size >= p.sumNum) {
      this.pending.delete(key);
      return [...p.items.values()];
    }
    this.pending.set(key, p);
    return undefined;
  }

  /** Lists whose time is up, with what arrived (a device that lost a page still counts its channels). */
  expire(nowMs: number): { deviceId: string; items: CatalogItem[] }[] {
    const out: { deviceId: string; items: CatalogItem[] }[] = [];
    for (const [key, p] of this.pending) {
      if (nowMs - p.startedMs < this.timeoutMs) continue;
      this.pending.delete(key);
      out.push({ deviceId: key.slice(0, key.indexOf(':')), items: [...p.items.values()] });
    }
    return out;
  }

  get size(): number {
    return this.pending.size;
  }
}
