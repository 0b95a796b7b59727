import { type CreateSilenceRequest, type LabelMatcher } from '@fengqiao/contracts';

/**
 * The structured matchers of a request as the engine's label matchers. Region codes are digits only
 * (validated), so the township pattern cannot smuggle a regex in.
 */
export function matchersOf(req: CreateSilenceRequest): LabelMatcher[] {
  const out: LabelMatcher[] = [];
  if (req.ruleId !== undefined) out.push({ label: 'ruleId', op: '=', value: req.ruleId });
  if (req.regionPrefix !== undefined) {
    out.push(
      req.regionPrefix.length === 6
        ? { label: 'county', op: '=', value: req.regionPrefix }
        : { label: 'township', op: '=~', value: `${req.regionPrefix}[0-9]*` },
    );
  }
  if (req.cameraId !== undefined) out.push({ label: 'cameraId', op: '=', value: req.cameraId });
  if (req.colour !== undefined) out.push({ label: 'colour', op: '=', value: req.colour });
  return out;
}

/** The county and township a region prefix names, for the caller's scope check. */
export function placeOf(prefix: string): { county: string; township?: string } {
  return prefix.length >= 9
    ? { county: prefix.slice(0, 6), township: prefix.slice(0, 9) }
    : { county: prefix.slice(0, 6) };
}

/**
 * The region a silence's matchers confine it to (a county code, or a township prefix), or null for
 * a silence over the whole city. Read back from the matchers `matchersOf` wrote.
 */
export function regionOfMatchers(matchers: readonly LabelMatcher[]): string | null {
  for (const m of matchers) {
    if (m.label === 'county' && m.op === '=') return m.value;
    if (m.label === 'township' && m.op === '=~') return m.value.replace(/\[0-9\]\*$/, '');
  }
  return null;
}
