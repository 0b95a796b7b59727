import { type Alert, type CameraAnalytics, type CameraStatus, type CaseEvent } from '@fengqiao/contracts';
import { type ActiveSignal, type Signal } from '../alerts/decisions';
import { type CameraSite } from '../directory/camera-directory';
import { type Compiled } from '../ruleset/compile';
import { analyticsFacts, statusFacts, type Facts } from '../ruleset/facts';
import { activeSignal } from './signal';

type SingleRule = Compiled<'single-event'>;

function evaluate(
  rules: readonly SingleRule[],
  facts: Facts,
  eventId: string,
  where: { region: Alert['region']; site?: CameraSite; caseId?: string },
  out: Signal[],
): void {
  for (const rule of rules) {
    if (!rule.test.test(facts)) continue;
    const values: Record<string, string | number | boolean> = {};
    const thresholds: Record<string, string | number | boolean> = {};
    rule.test.explain(facts, values, thresholds);
    const { region, site } = where;
    const township = region.township ?? region.county;
    const subject =
      rule.subject === 'camera' && site !== undefined
        ? site.cameraId
        : rule.subject === 'case' && where.caseId !== undefined
          ? `${township}|${where.caseId}`
          : township;
    const extraLabels: Record<string, string> = {};
    if (site !== undefined) Object.assign(extraLabels, { cameraId: site.cameraId, siteType: site.siteType });
    if (typeof facts.category === 'string') extraLabels.category = facts.category;
    out.push(
      activeSignal(rule, {
        subject,
        colour: rule.colour,
        region,
        ...(site === undefined ? {} : { location: site.location }),
        extraLabels,
        edge: true,
        summary: `${rule.title}：全部条件均满足`,
        evidence: [eventId],
        values,
        thresholds,
      }),
    );
  }
}

export function singleEventOnCase(
  rules: readonly SingleRule[],
  e: CaseEvent,
  facts: Facts,
  out: Signal[],
): void {
  if (rules.length === 0) return;
  const region = regionOf(e.region);
  const sig: ActiveSignal[] = [];
  evaluate(rules, facts, e.eventId, { region, caseId: e.caseId }, sig);
  for (const s of sig)
    out.push(e.type === 'reported' && e.location !== undefined ? { ...s, location: e.location } : s);
}

export function singleEventOnCamera(
  rules: readonly SingleRule[],
  e: CameraAnalytics | CameraStatus,
  site: CameraSite,
  out: Signal[],
): void {
  if (rules.length === 0) return;
  const facts = e.schema === 'camera.analytics.v1' ? analyticsFacts(e, site) : statusFacts(e, site);
  evaluate(rules, facts, e.eventId, { region: siteRegion(site), site }, out);
}

export function regionOf(r: CaseEvent['region']): Alert['region'] {
  return r.grid === undefined
    ? { county: r.county, township: r.township }
    : { county: r.county, township: r.township, grid: r.grid };
}

export function siteRegion(site: CameraSite): Alert['region'] {
  return site.grid === undefined
    ? { county: site.county, township: site.township }
    : { county: site.county, township: site.township, grid: site.grid };
}
