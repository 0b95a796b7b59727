import { parseArgs, type ParseArgsConfig } from 'node:util';

export type CliErrorCode = 'CLI_BAD_FLAG' | 'CLI_BAD_VALUE';

/** A command-line mistake: printed with the usage text, exit code 2. */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly (unknown flags are an error, not ignored). */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new CliError('CLI_BAD_FLAG', err instanceof Error ? err.message : String(err));
  }
}

/** A numeric flag within bounds, or its default when absent. */
export function numberFlag(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliError('CLI_BAD_VALUE', `--${name} must be a number in [${min}, ${max}], got ${raw}`);
  return n;
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs a CLI main, mapping errors to exit codes (2 usage, 1 failure) without stack noise for usage errors. */
export function runCli(main: () => Promise<void>, usage: string): void {
  main().catch((err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`✖ ${err.code}: ${err.message}\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`✖ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
