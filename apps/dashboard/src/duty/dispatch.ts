import { type Alert, type CaseUnit } from '@fengqiao/contracts';
import { dispatchTargetsFor, dispatchUnitRef, parseDispatchUnitRef } from '@fengqiao/domain';

/** The names a dispatch is read with: a place's name by code, a unit's by its "1+6+N" id. */
export interface DispatchNames {
  readonly place: (code: string) => string | undefined;
  readonly unit: Readonly<Record<CaseUnit, string>>;
}

/** "江北街道 网格化服务管理" for `grid-management@511902105`; undefined for free text. */
export function dispatchUnitName(ref: string, names: DispatchNames): string | undefined {
  const parsed = parseDispatchUnitRef(ref);
  if (parsed === undefined) return undefined;
  return `${names.place(parsed.region) ?? parsed.region} ${names.unit[parsed.unit]}`;
}

export interface DispatchOption {
  readonly value: string;
  readonly label: string;
}

/** The dispatch form's choices for an alert: its township's units, then its county's. */
export function dispatchOptions(alert: Alert, names: DispatchNames): readonly DispatchOption[] {
  return dispatchTargetsFor(alert.region).map((t) => {
    const value = dispatchUnitRef(t);
    return { value, label: dispatchUnitName(value, names) ?? value };
  });
}
