import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createPool, type DbPool, ensureDatabase, migrate, withDatabaseName } from '@fengqiao/db';
import { testConfig } from '@fengqiao/testing';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { type AuditEntry, chainHash, GENESIS_HASH } from './audit-chain';
import { AuditCheckpointer } from './audit-checkpointer.service';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

// Issue 17 #7 on a real PostgreSQL: the chain's plain SHA-256 can be recomputed by anyone who may
// write the table, and cutting the tail left a shorter chain that still verified. Signed
// checkpoints (HMAC under FQ_AUDIT_SIGNING_KEY, which the database does not hold) make both show.
// The attacker here is the tables' owner, who may switch the append-only triggers off (a superuser
// may too); each test works on a database of its own, so the shared test database's chain stays intact.
const KEY = 'audit-signing-key-for-this-test-0123456789';
const config = testConfig();
const clock: Clock = { now: () => new Date() };

interface Fixture {
  readonly url: string;
  readonly pool: DbPool;
  readonly audit: AuditService;
  readonly checkpointer: AuditCheckpointer;
}

async function freshDatabase(name: string): Promise<Fixture> {
  const url = withDatabaseName(
    config.postgres.url,
    `${new URL(config.postgres.url).pathname.slice(1)}_${name}`,
  );
  await ensureDatabase(url, { recreate: true });
  const pool = createPool(url, { max: 2 });
  await migrate(pool, { direction: 'up' });
  const withKey = { ...config, api: { ...config.api, auditSigningKey: KEY } };
  const repo = new AuditRepository();
  const checkpoints = new AuditCheckpointsRepository();
  return {
    url,
    pool,
    audit: new AuditService(repo, checkpoints, withKey),
    checkpointer: new AuditCheckpointer(new Database(pool), repo, checkpoints, withKey, clock),
  };
}

async function dropDatabase(f: Fixture): Promise<void> {
  await f.pool.end();
  const admin = new Client({ connectionString: withDatabaseName(f.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(f.url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

const entry = (n: number): AuditEntry => ({
  occurredAt: new Date(Date.UTC(2026, 11, 6, 12, 0, n)),
  actorUserId: 'u-admin',
  actorRole: 'admin',
  action: 'rules.activate',
  targetType: 'rule-set',
  targetId: String(n),
  detail: { n },
});

async function record(f: Fixture, from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n += 1)
    await new Database(f.pool).transaction((tx) => f.audit.record(tx, entry(n)));
}

/** What an attacker with the owner's (or a superuser's) rights runs, triggers off. */
async function tamper(f: Fixture, sql: string, args: unknown[] = []): Promise<void> {
  const c = await f.pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query(sql, args);
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

function verifyAuditCli(url: string): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(config.repoRoot, 'apps/api/src/verify-audit.ts')],
    {
      cwd: config.repoRoot,
      env: { ...process.env, DATABASE_URL: url, FQ_AUDIT_SIGNING_KEY: KEY },
      encoding: 'utf8',
    },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('signed checkpoints of the audit chain (real PostgreSQL)', () => {
  it('verifies an intact chain with its checkpoints, also through the verify-audit command', async () => {
    const f = await freshDatabase('audit_ok');
    try {
      await record(f, 1, 5);
      expect(await f.checkpointer.checkpoint()).toBe(true);
      expect(await f.checkpointer.checkpoint()).toBe(false); // nothing new, heartbeat not due
      await record(f, 6, 8);
      expect(await f.audit.verify(f.pool)).toMatchObject({
        ok: true,
        rows: 8,
        checkpoints: 1,
        brokenCheckpoint: null,
        unanchoredRows: 3,
      });
      const cli = verifyAuditCli(f.url);
      expect(cli.out).toContain('checkpoints: 1 signed, all match');
      expect(cli.status).toBe(0);
    } finally {
      await dropDatabase(f);
    }
  });

  it('detects a cut tail, naming the checkpoint that covered the deleted rows', async () => {
    const f = await freshDatabase('audit_cut');
    try {
      await record(f, 1, 6);
      await f.checkpointer.checkpoint();
      const { rows } = await f.pool.query<{ id: string }>('SELECT id FROM audit_checkpoints');
      await tamper(f, 'DELETE FROM audit_log WHERE seq > 4');
      const report = await f.audit.verify(f.pool);
      expect(report.ok).toBe(false);
      expect(report.brokenCheckpoint).toEqual({
        id: Number(rows[0]?.id),
        throughSeq: 6,
        reason: 'row 6 is missing: the log was cut after seq 4',
      });
      const cli = verifyAuditCli(f.url);
      expect(cli.status).toBe(2);
      expect(cli.out).toContain(`checkpoint ${rows[0]?.id} (through seq 6) FAILS: row 6 is missing`);
    } finally {
      await dropDatabase(f);
    }
  });

  it('detects a rewritten row even when every later hash was recomputed to match', async () => {
    const f = await freshDatabase('audit_rewrite');
    try {
      await record(f, 1, 5);
      await f.checkpointer.checkpoint();
      // Rewrite row 2's detail and re-chain rows 2..5 with the public SHA-256 recipe.
      const all = await new AuditRepository().page(f.pool, 0, 100);
      let prev = GENESIS_HASH;
      const rewritten = all.map((r, i) => {
        const e = { ...entry(i + 1), detail: i === 1 ? { n: 2, hidden: 'rewritten' } : { n: i + 1 } };
        const hash = chainHash(prev, e);
        const row = { seq: Number(r.seq), detail: e.detail, prev, hash };
        prev = hash;
        return row;
      });
      for (const r of rewritten.slice(1))
        await tamper(f, 'UPDATE audit_log SET detail = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
          r.seq,
          JSON.stringify(r.detail),
          r.prev,
          r.hash,
        ]);
      const report = await f.audit.verify(f.pool);
      expect(report.firstBadSeq).toBe(5); // the plain chain alone would have said: intact
      expect(report.brokenCheckpoint?.reason).toBe(
        'the chain hash through seq 5 differs: rows were rewritten',
      );
      expect(report.ok).toBe(false);
      expect(verifyAuditCli(f.url).status).toBe(2);
    } finally {
      await dropDatabase(f);
    }
  });

  it('refuses a checkpoint the database minted itself (no key, no valid signature)', async () => {
    const f = await freshDatabase('audit_forge');
    try {
      await record(f, 1, 3);
      await f.pool.query(
        `INSERT INTO audit_checkpoints (through_seq, chain_hash, signed_at, key_id, signature)
         SELECT seq, hash, now(), 'guessed', repeat('0', 64) FROM audit_log ORDER BY seq DESC LIMIT 1`,
      );
      const report = await f.audit.verify(f.pool);
      expect(report.ok).toBe(false);
      expect(report.brokenCheckpoint?.reason).toMatch(/signature does not verify/);
    } finally {
      await dropDatabase(f);
    }
  });
});
