import { execFile } from 'node:child_process';

export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

function ms(text: string | undefined): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text ?? '');
  if (m === null) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/** Runs wrk (Debian's, a C load generator, so the client costs little CPU) against one URL. */
export function wrk(
  url: string,
  seconds: number,
  connections = 32,
  headers: string[] = [],
): Promise<WrkResult> {
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    ...headers.flatMap((h) => ['-H', h]),
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, (err, stdout) => {
      if (err !== null) return reject(new Error(`wrk failed: ${err.message}`));
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
      resolve({
        requestsPerSecond: Number(rps?.[1] ?? Number.NaN),
        p50Ms: ms(/50%\s+(\S+)/.exec(stdout)?.[1]),
        p99Ms: ms(/99%\s+(\S+)/.exec(stdout)?.[1]),
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
      });
    });
  });
}

/** `--duration N` from the command line (seconds), short by default: two cores are shared. */
export function durationArg(fallback: number): number {
  const i = process.argv.indexOf('--duration');
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
