import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ruleSetSchema,
  type ActivateRuleSetResponse,
  type ProposeRuleSetRequest,
  type RuleSet,
  type RuleSetDetail,
  type RuleSetListResponse,
} from '@fengqiao/contracts';
import { compileRuleSet, DEFAULT_RULE_SET } from '@fengqiao/rules';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError, type ApiIssue } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { RuleSetsRepository, toSummary } from './rule-sets.repository';

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
  constructor(
    private readonly db: Database,
    private readonly repo: RuleSetsRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.repo.ensureDefault(this.db.pool, ruleSetSchema.parse(DEFAULT_RULE_SET));
  }

  async list(): Promise<RuleSetListResponse> {
    return { items: (await this.repo.list(this.db.pool)).map(toSummary) };
  }

  async detail(version: number): Promise<RuleSetDetail> {
    const row = await this.repo.find(this.db.pool, version);
    if (row === undefined) throw new ApiError('NOT_FOUND', `no rule-set version ${version}`);
    return { ...toSummary(row), body: row.body as Record<string, unknown> };
  }

  /** Stores a new version; the body's own `version` is replaced by the next free number. */
  async propose(user: AuthUser, req: ProposeRuleSetRequest): Promise<RuleSetDetail> {
    const now = this.clock.now();
    const version = await this.db.transaction(async (tx) => {
      await this.repo.lock(tx);
      const next = await this.repo.nextVersion(tx);
      const body = validateRuleSet({ ...req.body, version: next });
      await this.repo.insertProposal(tx, {
        version: next,
        body,
        comment: req.comment,
        by: user.username,
        at: now,
      });
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: 'rules.propose', targetType: 'rule-set', version: next },
        { name: body.name, rules: body.rules.length },
      );
      return next;
    });
    return this.detail(version);
  }

  /** Makes `version` the active one and retires the previous; audited in the same transaction. */
  async activate(user: AuthUser, version: number): Promise<ActivateRuleSetResponse> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      await this.repo.lock(tx);
      const row = await this.repo.find(tx, version);
      if (row === undefined) throw new ApiError('NOT_FOUND', `no rule-set version ${version}`);
      if (row.status === 'active') {
        return { version, previous: version, activatedAt: (row.activated_at ?? now).toISOString() };
      }
      // A retired version may come back (a rollback); its body is validated again all the same.
      validateRuleSet(row.body);
      const previous = (await this.repo.retireActive(tx, now)) ?? null;
      await this.repo.markActive(tx, version, user.username, now);
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: 'rules.activate', targetType: 'rule-set', version },
        { previous, name: row.name },
      );
      return { version, previous, activatedAt: now.toISOString() };
    });
  }
}
