import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ruleSetSchema,
  type ActivateRuleSetResponse,
  type ProposeRuleSetRequest,
  type RuleSet,
  type RuleSetDetail,
  type RuleSetListResponse,
} from '@fengqiao/contracts';
import { syncDomainTables } from '@fengqiao/db';
import { compileRuleSet, DEFAULT_RULE_SET } from '@fengqiao/rules';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError, type ApiIssue } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { VersionedDocumentService } from '../versioned/versioned-documents.service';
import { RULE_SET_VERSIONS } from '../versioned/versioned-tables';
import { ActiveRuleSetCache } from './active-rule-set.cache';
import { toSummary } from './rule-set-summary';

/** Validates a proposed body as rule-set.v1 and compiles it (regexes, calendar), naming each problem. */
export function validateRuleSet(body: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(body);
  if (!parsed.success) {
    const issues: ApiIssue[] = parsed.error.issues.slice(0, 20).map((i) => ({
      path: `body.${i.path.map(String).join('.')}`,
      message: i.message,
    }));
    throw new ApiError('VALIDATION_FAILED', 'the rule set does not validate', issues);
  }
  try {
    compileRuleSet(parsed.data);
  } catch (err) {
    const message = err instanceof Error ? err.message.slice(0, 300) : 'does not compile';
    throw new ApiError('VALIDATION_FAILED', 'the rule set does not compile', [{ path: 'body', message }]);
  }
  return parsed.data;
}

/** Rule-set versions: list, read, propose, activate (the backtest has its own service). */
@Injectable()
export class RulesService implements OnModuleInit {
  private readonly versions: VersionedDocumentService<RuleSet>;

  constructor(
    private readonly db: Database,
    active: ActiveRuleSetCache,
    audit: AuditService,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.versions = new VersionedDocumentService(db, RULE_SET_VERSIONS, audit, clock, {
      targetType: 'rule-set',
      auditPrefix: 'rules',
      validate: validateRuleSet,
      // The cases projection stops clocks on these rows: current from the activation's commit on.
      onActivate: async (tx, body, version) => {
        await syncDomainTables(tx, { version, body });
      },
      cache: active,
    });
  }

  async onModuleInit(): Promise<void> {
    const document = ruleSetSchema.parse(DEFAULT_RULE_SET);
    await RULE_SET_VERSIONS.ensureDefault(this.db.pool, {
      document,
      label: document.name,
      note: 'default rule set (libs/rules)',
    });
    // The clocks of the version active now (the default just stored, or one activated while no API
    // of this code ran); every later activation rewrites them in its own transaction.
    await this.db.transaction((tx) => syncDomainTables(tx));
  }

  async list(): Promise<RuleSetListResponse> {
    return { items: (await this.versions.list()).map(toSummary) };
  }

  async detail(version: number): Promise<RuleSetDetail> {
    const row = await this.versions.find(version);
    return { ...toSummary(row), body: row.document as Record<string, unknown> };
  }

  /** Stores a new version; the body's own `version` is replaced by the next free number. */
  async propose(user: AuthUser, req: ProposeRuleSetRequest): Promise<RuleSetDetail> {
    const version = await this.versions.propose(user, (next) => {
      const body = validateRuleSet({ ...req.body, version: next });
      return {
        document: body,
        label: body.name,
        note: req.comment,
        audit: { name: body.name, rules: body.rules.length },
      };
    });
    return this.detail(version);
  }

  /**
   * Makes `version` the active one and retires the previous: audited and the cases projection's
   * clock rules (case_clock_rules) rewritten in the same transaction; case deadlines here at once.
   */
  activate(user: AuthUser, version: number): Promise<ActivateRuleSetResponse> {
    return this.versions.activate(user, version, (row, previous) => ({ previous, name: row.label }));
  }
}
