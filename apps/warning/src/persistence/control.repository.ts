import { type RuleSet, type Silence } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';

/**
 * Version 1 is the default rule set, inserted by whichever process starts first (the API or the
 * warning service); ON CONFLICT makes the race between them harmless.
 */
const ENSURE_DEFAULT = `
INSERT INTO rule_sets (version, name, body, status, comment, proposed_by, proposed_at, activated_by, activated_at)
SELECT 1, $1, $2, 'active', 'default rule set (libs/rules)', 'system', now(), 'system', now()
WHERE NOT EXISTS (SELECT 1 FROM rule_sets)
ON CONFLICT DO NOTHING`;

const ACTIVE = `SELECT version, body FROM rule_sets WHERE status = 'active'`;

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

/** What the operators control through the API: the active rule set and the silences. */
export class ControlRepository {
  async ensureDefaultRuleSet(db: Queryable, ruleSet: RuleSet): Promise<void> {
    await db.query(ENSURE_DEFAULT, [ruleSet.name, JSON.stringify(ruleSet)]);
  }

  async activeRuleSet(db: Queryable): Promise<{ version: number; body: unknown } | undefined> {
    const r = await db.query<{ version: number; body: unknown }>(ACTIVE);
    return r.rows[0];
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
