import { type RoutingConditionsBody, type RoutingRuleBody } from '@fengqiao/contracts';
import { categoryLabel, R, WL } from '../i18n/strings';

/** One rule of the table as the view shows it: where it stands, what it asks, where it sends. */
export interface RoutingRow {
  readonly order: number;
  readonly id: string;
  readonly title: string;
  /** One phrase per condition, in the order the engine checks them; empty for the catch-all. */
  readonly conditions: readonly string[];
  readonly tier: string;
  readonly department: string;
  readonly unit: string;
}

const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;
const said = (label: string, items: readonly string[]): string => R.labelled(label, items.join(R.listSep));

/** The conditions of a rule in words; a region prefix is shown with `*` (any code under it). */
export function describeConditions(when: RoutingConditionsBody): string[] {
  const parts: string[] = [];
  if (when.categories !== undefined) parts.push(said(R.condCategories, when.categories.map(categoryLabel)));
  if (when.regionPrefixes !== undefined)
    parts.push(
      said(
        R.condRegions,
        when.regionPrefixes.map((p) => `${p}*`),
      ),
    );
  if (when.weekdays !== undefined) {
    parts.push(
      said(
        R.condWeekdays,
        when.weekdays.map((d) => R.weekday[d] ?? String(d)),
      ),
    );
  }
  if (when.hours !== undefined)
    parts.push(R.labelled(R.condHours, `${hh(when.hours.from)}–${hh(when.hours.to)}`));
  if (when.flags !== undefined)
    parts.push(
      said(
        R.condFlags,
        when.flags.map((f) => WL.risk[f]),
      ),
    );
  if (when.minParties !== undefined) parts.push(R.condMinParties(when.minParties));
  return parts;
}

/** The rows of a table, in its order (first match wins, so the order is the meaning). */
export function routingRows(rules: readonly RoutingRuleBody[]): RoutingRow[] {
  return rules.map((r, i) => ({
    order: i + 1,
    id: r.id,
    title: r.title,
    conditions: describeConditions(r.when),
    tier: WL.tier[r.then.tier],
    department: r.then.department,
    unit: WL.unit[r.then.unit],
  }));
}
