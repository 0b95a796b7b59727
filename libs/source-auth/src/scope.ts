import { countyOfCameraId } from '@fengqiao/contracts';
import { type Source, type SourceEventKind } from './source-registry';

/** What the scope check needs of a validated event: its kind and where it is about. */
export type ScopedEvent =
  | { readonly kind: 'case'; readonly county: string }
  | { readonly kind: Exclude<SourceEventKind, 'case'>; readonly cameraId: string };

/** The county an event is about: a case's region, a camera's id (its first six digits). */
export function countyOf(e: ScopedEvent): string {
  return e.kind === 'case' ? e.county : countyOfCameraId(e.cameraId);
}

/** Why `source` may not send `e` (its kinds or regions), or undefined when it may. */
export function scopeRefusal(source: Source, e: ScopedEvent): string | undefined {
  if (!source.kinds.includes(e.kind))
    return `source ${source.id} may send ${source.kinds.join(', ')}, not ${e.kind}`;
  const county = countyOf(e);
  if (!source.regions.includes('*') && !source.regions.includes(county))
    return `source ${source.id} may report about ${source.regions.join(', ')}, not county ${county}`;
  return undefined;
}
