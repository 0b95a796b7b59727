import { type RuleSet, type Silence } from '@fengqiao/contracts';
import { type Queryable, RULE_SET_DOCUMENTS } from '@fengqiao/db';

/** Silences that have not ended or been expired; future ones too (the engine checks the window). */
const LIVE_SILENCES = `
SELECT silence_id, matchers, starts_at, ends_at, allow_red, created_by, comment
FROM silences WHERE expired_at IS NULL AND ends_at > $1 ORDER BY created_at, silence_id LIMIT 1000`;

interface SilenceRow {
  silence_id: string;
  matchers: Silence['matchers'];
  starts_at: Date;
  ends_at: Date;
  allow_red: boolean;
  created_by: string;
  comment: string;
}

/** What the operators control through the API: the default rule set and the silences (the active set: libs/db activeRuleSetCache). */
export class ControlRepository {
  /**
   * Version 1 is the default rule set, inserted by whichever process starts first (the API or the
   * warning service); ON CONFLICT makes the race between them harmless.
   */
  ensureDefaultRuleSet(db: Queryable, ruleSet: RuleSet): Promise<void> {
    return RULE_SET_DOCUMENTS.ensureDefault(db, {
      document: ruleSet,
      label: ruleSet.name,
      note: 'default rule set (libs/rules)',
    });
  }

  async liveSilences(db: Queryable, now: Date): Promise<Silence[]> {
    const r = await db.query<SilenceRow>(LIVE_SILENCES, [now]);
    return r.rows.map((s) => ({
      id: s.silence_id,
      matchers: s.matchers,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      createdBy: s.created_by,
      comment: s.comment,
      allowRed: s.allow_red,
    }));
  }
}
