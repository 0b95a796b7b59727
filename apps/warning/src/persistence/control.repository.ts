import { type RuleSet, type Silence } from '@fengqiao/contracts';
import { type Queryable, RULE_SET_DOCUMENTS, SilencesRepository } from '@fengqiao/db';

const SILENCES = new SilencesRepository();

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

  /** The live silences, read through their owner (libs/db `SilencesRepository`, shared with the API). */
  liveSilences(db: Queryable, now: Date): Promise<Silence[]> {
    return SILENCES.live(db, now);
  }
}
