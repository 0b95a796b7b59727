import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type DuplicateCandidate, type PartyPersonalData, type RegionRef } from '@fengqiao/contracts';
import { findRepeatVisits, partyKeyOf } from '@fengqiao/intake';
import { Database } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { CasesRepository } from './cases.repository';

const DAY_MS = 86_400_000;

/** Repeat visits: earlier cases with the same parties (compared by key) at the same place. */
@Injectable()
export class CaseDuplicatesService {
  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  keysOf(parties: readonly Pick<PartyPersonalData, 'name' | 'phone'>[]): string[] {
    return parties.map((p) => partyKeyOf(p, this.config.partyKeySecret));
  }

  async candidates(
    region: RegionRef,
    partyKeys: readonly string[],
    withinDays: number,
    nowMs: number,
  ): Promise<DuplicateCandidate[]> {
    const since = new Date(nowMs - withinDays * DAY_MS);
    const rows = await this.cases.sharingParties(this.db.pool, partyKeys, region.township, since);
    const found = findRepeatVisits(
      { partyKeys, township: region.township, village: region.village, nowMs, withinDays },
      rows.map((r) => ({
        caseId: r.case_id,
        reportedAtMs: r.reported_at.getTime(),
        township: r.township,
        village: r.village,
        partyKeys: r.keys,
      })),
    );
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    return found.flatMap((f) => {
      const r = byId.get(f.caseId);
      return r === undefined
        ? []
        : [
            {
              caseId: r.case_id,
              reportedAt: r.reported_at.toISOString(),
              state: r.state,
              category: r.category,
              township: r.township,
              matchedParties: f.matchedParties,
            },
          ];
    });
  }
}
