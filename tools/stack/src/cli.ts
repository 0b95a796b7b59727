import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@fengqiao/config';
import { type ComponentStatus } from './component';
import { migrateDatabase, stackDown, stackStatus, stackUp } from './stack';
import { StackError } from './stack-error';

const USAGE = `usage: npm run stack -- <command>
  up                 start PostgreSQL and Kafka (idempotent), create topics, migrate
  down               stop everything the stack started
  status             check each component for real; exit 1 if any is not healthy
  migrate [up|down] [steps]
  reset <postgres|kafka|all>   stop and delete the component's data (caches are kept)`;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function printStatus(rows: readonly ComponentStatus[]): boolean {
  const mark = { running: '●', external: '●', stopped: '○', unhealthy: '✖' } as const;
  for (const r of rows) {
    say(
      `${mark[r.state]} ${r.name.padEnd(9)} ${r.state.padEnd(10)} ${r.detail}${r.logFile !== undefined && r.state !== 'running' ? `  (log: ${r.logFile})` : ''}`,
    );
  }
  return rows.every((r) => r.state === 'running' || r.state === 'external');
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [command, ...rest] = argv;
  switch (command) {
    case 'up': {
      const started = Date.now();
      await stackUp(config, say);
      say(`stack: up in ${((Date.now() - started) / 1000).toFixed(1)}s; logs in ${config.stack.logDir}`);
      return printStatus(await stackStatus(config)) ? 0 : 1;
    }
    case 'down':
      await stackDown(config, say);
      return 0;
    case 'status':
      return printStatus(await stackStatus(config)) ? 0 : 1;
    case 'migrate': {
      const direction = rest[0] === 'down' ? 'down' : 'up';
      const steps = rest[1] === undefined ? undefined : Number.parseInt(rest[1], 10);
      await migrateDatabase(config.postgres.url, direction, say, steps);
      return 0;
    }
    case 'reset': {
      const what = rest[0];
      if (what !== 'postgres' && what !== 'kafka' && what !== 'all') break;
      await stackDown(config, say);
      const dirs = { postgres: ['postgres', 'postgres-plain'], kafka: ['kafka'] };
      for (const c of what === 'all' ? [...dirs.postgres, ...dirs.kafka] : dirs[what])
        rmSync(join(config.stack.dataDir, c), { recursive: true, force: true });
      say(`reset: removed ${what} data; run \`npm run stack:up\` to start afresh`);
      return 0;
    }
    default:
      break;
  }
  say(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof StackError) process.stderr.write(`${err.render()}\n`);
    else if (err instanceof ConfigError) process.stderr.write(`✖ config: ${err.message}\n`);
    else
      process.stderr.write(`✖ stack: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
