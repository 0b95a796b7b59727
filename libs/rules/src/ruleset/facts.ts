import { type CameraAnalytics, type CameraStatus, type CaseEvent, type FactName } from '@fengqiao/contracts';
import { type CameraSite } from '../directory/camera-directory';

/** The flat view of one event that conditions test; absent facts never match. */
export type Facts = Partial<Record<FactName, string | number | boolean>>;

export function caseFacts(event: CaseEvent): Facts {
  switch (event.type) {
    case 'reported':
      return {
        caseType: event.type,
        channel: event.channel,
        category: event.category,
        partiesCount: event.partiesCount,
        violenceRisk: event.riskFlags.violenceRisk,
        extremeWords: event.riskFlags.extremeWords,
        groupPetition: event.riskFlags.groupPetition,
        repeatVisits: event.riskFlags.repeatVisits,
      };
    case 'triaged':
      return { caseType: event.type, channel: event.channel, category: event.category, tier: event.tier };
    case 'assigned':
    case 'escalated':
    case 'resolved':
    case 'closed':
    case 'reopened':
    case 'in-mediation':
    case 'leader-assigned':
      return { caseType: event.type, channel: event.channel };
  }
}

export function analyticsFacts(event: CameraAnalytics, site: CameraSite): Facts {
  return {
    analyticsKind: event.kind,
    confidence: event.confidence,
    headCount: event.headCount ?? 0,
    siteType: site.siteType,
  };
}

export function statusFacts(event: CameraStatus, site: CameraSite): Facts {
  const facts: Facts = { online: event.online, siteType: site.siteType };
  if (event.fps !== undefined) facts.fps = event.fps;
  if (event.bitrateKbps !== undefined) facts.bitrateKbps = event.bitrateKbps;
  if (event.lastFrameAgeMs !== undefined) facts.lastFrameAgeMs = event.lastFrameAgeMs;
  return facts;
}
