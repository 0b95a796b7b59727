import { type RuleSet, type Silence } from '@fengqiao/contracts';
import { type Queryable, RULE_SETS_TABLE, VersionedDocumentsRepository } from '@fengqiao/db';

/** The rule_sets table, shared with the API through the one versioned-document store (libs/db). */
const RULE_SETS = new VersionedDocumentsRepository(RULE_SETS_TABLE);

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
  /**
   * Version 1 is the default rule set, inserted by whichever process starts first (the API or the
   * warning service); ON CONFLICT makes the race between them harmless.
   */
  ensureDefaultRuleSet(db: Queryable, ruleSet: RuleSet): Promise<void> {
    return RULE_SETS.ensureDefault(db, {
      document: ruleSet,
      label: ruleSet.name,
      note: 'default rule set (libs/rules)',
    });
  }

  /** The active version's number only: what each poll compares (versions are immutable). */
  activeRuleSetVersion(db: Queryable): Promise<number | undefined> {
    return RULE_SETS.activeVersion(db);
  }

  /** A version's stored body, validated by the caller; undefined when there is no such version. */
  async ruleSetBody(db: Queryable, version: number): Promise<unknown> {
    return (await RULE_SETS.find(db, version))?.document;
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
