import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { AuditCheckpointsRepository } from './audit/audit-checkpoints.repository';
import { AuditRepository } from './audit/audit.repository';
import { type AuditReport, AuditService } from './audit/audit.service';

/**
 * `node -r @swc-node/register apps/api/src/verify-audit.ts [--max-age-minutes N]`: exit 0 when the
 * hash chain is intact AND every signed checkpoint (HMAC under FQ_AUDIT_SIGNING_KEY) matches it, 2
 * otherwise. With --max-age-minutes, a newest checkpoint older than that fails too: the API writes
 * one at least every 10 minutes, so an old one means the newest were cut off with the rows.
 */
export function reportLines(r: AuditReport, now: Date, maxAgeMinutes: number | undefined): string[] {
  const lines = [
    r.firstBadSeq !== null && r.brokenCheckpoint?.throughSeq !== r.firstBadSeq
      ? `audit chain BROKEN at seq ${r.firstBadSeq} (${r.rows} rows read)`
      : `audit chain: ${r.rows} rows, hashes ${r.firstBadSeq === null ? 'intact' : 'see the checkpoint'}`,
    r.brokenCheckpoint === null
      ? `checkpoints: ${r.checkpoints} signed, all match; ${r.unanchoredRows} newer rows not yet anchored`
      : `checkpoint ${r.brokenCheckpoint.id} (through seq ${r.brokenCheckpoint.throughSeq}) FAILS: ${r.brokenCheckpoint.reason}`,
  ];
  if (r.checkpoints === 0 && r.rows > 0)
    lines.push('no signed checkpoint yet: a cut or a rewrite would not show');
  const ageMin = r.lastCheckpointAt === null ? null : (now.getTime() - r.lastCheckpointAt.getTime()) / 60_000;
  if (maxAgeMinutes !== undefined && ageMin !== null && ageMin > maxAgeMinutes)
    lines.push(`newest checkpoint is ${ageMin.toFixed(0)} min old (limit ${maxAgeMinutes}): STALE`);
  return lines;
}

function maxAgeOf(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--max-age-minutes');
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!(n > 0)) throw new Error('--max-age-minutes needs a positive number');
  return n;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const maxAge = maxAgeOf(process.argv.slice(2));
  const pool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-verify-audit' });
  try {
    const service = new AuditService(new AuditRepository(), new AuditCheckpointsRepository(), config);
    const report = await service.verify(pool);
    const lines = reportLines(report, new Date(), maxAge);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = report.ok && !lines.some((l) => l.endsWith('STALE')) ? 0 : 2;
  } finally {
    await pool.end();
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`verify-audit: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
