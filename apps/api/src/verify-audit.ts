import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';

/** `node -r @swc-node/register apps/api/src/verify-audit.ts`: exit 0 when the chain is intact. */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-verify-audit' });
  try {
    const verdict = await new AuditService(new AuditRepository()).verify(pool);
    const line = verdict.ok
      ? `audit chain intact: ${verdict.rows} rows`
      : `audit chain BROKEN at seq ${verdict.firstBadSeq ?? '?'} (${verdict.rows} rows read)`;
    process.stdout.write(`${line}\n`);
    process.exitCode = verdict.ok ? 0 : 2;
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`verify-audit: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
