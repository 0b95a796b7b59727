import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { PartyKeysRepository } from './party-keys.repository';
import { PartyRekeyService } from './party-rekey.service';

const USAGE = `usage: npm run rekey-parties [-- --batch N]
  Recomputes case_parties.party_key (repeat-visit matching) from each party's stored name and phone
  under the current FQ_PARTY_KEY_SECRET. Run it after changing the secret (and after upgrading a
  database whose keys predate the HMAC). Idempotent: a re-run changes nothing.
  --batch N   parties per batch (default 1000, 1–50000)`;

type CliErrorCode = 'REKEY_BAD_FLAG';

/** A command-line mistake: printed with the usage text, exit code 2. */
class RekeyCliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function batchSizeOf(argv: readonly string[]): number | 'help' {
  let values: { batch?: string; help?: boolean };
  try {
    const opts = { batch: { type: 'string' }, help: { type: 'boolean' } } as const;
    values = parseArgs({ args: [...argv], options: opts, strict: true }).values;
  } catch (err) {
    throw new RekeyCliError('REKEY_BAD_FLAG', err instanceof Error ? err.message : String(err));
  }
  if (values.help === true) return 'help';
  const n = Number(values.batch ?? 1000);
  if (!Number.isInteger(n) || n < 1 || n > 50_000)
    throw new RekeyCliError(
      'REKEY_BAD_FLAG',
      `--batch must be an integer in [1, 50000], got ${values.batch}`,
    );
  return n;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const batchSize = batchSizeOf(process.argv.slice(2));
  if (batchSize === 'help') {
    say(USAGE);
    return;
  }
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 1, applicationName: 'fengqiao-rekey-parties' });
  const t0 = performance.now();
  try {
    const service = new PartyRekeyService(pool, new PartyKeysRepository(), config.partyKeySecret);
    // Counts only: a party's name, phone or key never reaches the output.
    const done = await service.run({
      batchSize,
      onBatch: (p) => say(`rekey-parties: ${p.rows} parties read, ${p.changed} keys changed`),
    });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    say(`rekey-parties: done in ${s} s: ${done.rows} parties, ${done.changed} rows changed`);
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  if (err instanceof RekeyCliError) {
    process.stderr.write(`rekey-parties: ${err.code}: ${err.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`rekey-parties: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
