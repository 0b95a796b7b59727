import { type CityHierarchy, type Prng, type Region } from '@fengqiao/geo';

/** A place in the hierarchy down to a grid cell. */
export interface Place {
  readonly county: Region;
  readonly township: Region;
  readonly village: Region;
  readonly grid: Region;
}

/** Picks places in proportion to their residents, top-down (township, then village, then grid). */
export class RegionPicker {
  private readonly byCode = new Map<string, Region>();
  private readonly children = new Map<string, Region[]>();

  constructor(private readonly hierarchy: CityHierarchy) {
    for (const r of [
      ...hierarchy.counties,
      ...hierarchy.townships,
      ...hierarchy.villages,
      ...hierarchy.grids,
    ]) {
      this.byCode.set(r.code, r);
      const siblings = this.children.get(r.parent) ?? [];
      siblings.push(r);
      this.children.set(r.parent, siblings);
    }
  }

  region(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  townships(): readonly Region[] {
    return this.hierarchy.townships;
  }

  /** A place anywhere in the city, or inside the given township. */
  pick(rng: Prng, townshipCode?: string): Place {
    const township =
      (townshipCode === undefined ? undefined : this.byCode.get(townshipCode)) ??
      this.weighted(rng, this.hierarchy.townships);
    const village = this.weighted(rng, this.children.get(township.code) ?? []);
    const grid = this.weighted(rng, this.children.get(village.code) ?? []);
    const county = this.byCode.get(township.parent);
    if (county === undefined) throw new RangeError(`township ${township.code} has no county`);
    return { county, township, village, grid };
  }

  private weighted(rng: Prng, regions: readonly Region[]): Region {
    const r = regions[rng.weighted(regions.map((x) => x.population))];
    if (r === undefined) throw new RangeError('no region to pick from');
    return r;
  }
}
