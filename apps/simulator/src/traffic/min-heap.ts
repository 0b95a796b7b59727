/** A binary min-heap by a numeric key: the case events waiting for their time. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly keyOf: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keyOf(a[p] as T) <= this.keyOf(a[i] as T)) break;
      [a[p], a[i]] = [a[i] as T, a[p] as T];
      i = p;
    }
  }

  /** Removes and returns every item whose key is below `limit`, in key order. */
  popBelow(limit: number): T[] {
    const out: T[] = [];
    while (this.items.length > 0 && this.keyOf(this.items[0] as T) < limit) out.push(this.pop());
    return out;
  }

  private pop(): T {
    const a = this.items;
    const top = a[0] as T;
    const last = a.pop() as T;
    if (a.length === 0) return top;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.keyOf(a[l] as T) < this.keyOf(a[m] as T)) m = l;
      if (r < a.length && this.keyOf(a[r] as T) < this.keyOf(a[m] as T)) m = r;
      if (m === i) return top;
      [a[m], a[i]] = [a[i] as T, a[m] as T];
      i = m;
    }
  }
}
