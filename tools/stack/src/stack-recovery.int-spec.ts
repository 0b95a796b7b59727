import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { freePort } from '@fengqiao/testing';
import { stackDown, stackStatus, stackUp } from './stack';

/** Running: the process exists and is not a zombie waiting for a parent (PID 1 here) to reap it. */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  return existsSync(stat) && !/\) Z /.test(readFileSync(stat, 'utf8'));
}

/** pg_ctl returns once postmaster.pid is gone, a moment before the process itself exits. */
async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (running(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !running(pid);
}

// A second, private stack (own folder, own ports) that this test may kill: the shared one the other
// integration specs use stays untouched.
describe('the stack command on a stack whose broker and database die', () => {
  let home: string;
  let config: FengqiaoConfig;
  const said: string[] = [];
  const say = (line: string): void => {
    said.push(line);
  };
  const stateOf = async (name: string): Promise<string | undefined> =>
    (await stackStatus(config)).find((s) => s.name === name)?.state;
  const kafkaPid = (): number => Number(readFileSync(join(config.stack.runDir, 'kafka.pid'), 'utf8'));
  const postgresPid = (): number =>
    Number(readFileSync(join(config.stack.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'fq-stack-'));
    chmodSync(home, 0o755); // the embedded server runs as the postgres user when we are root
    const { DATABASE_URL: _db, FQ_KAFKA_BROKERS: _brokers, ...env } = process.env;
    config = loadConfig({
      ...env,
      FQ_HOME: home,
      FQ_KAFKA_PORT: String(await freePort()),
      FQ_KAFKA_CONTROLLER_PORT: String(await freePort()),
      FQ_PG_PORT: String(await freePort()),
      FQ_PLAIN_PG_PORT: String(await freePort()),
    });
  });
  afterAll(async () => {
    await stackDown(config, say);
    rmSync(home, { recursive: true, force: true });
  });

  it('comes up, reports both deaths, comes back with one `up`, and `down` leaves nothing running', async () => {
    await stackUp(config, say);
    expect([await stateOf('postgres'), await stateOf('kafka')]).toEqual(['running', 'running']);

    const [kafka, postgres] = [kafkaPid(), postgresPid()];
    process.kill(kafka, 'SIGKILL');
    process.kill(postgres, 'SIGKILL');
    expect([await gone(kafka, 5000), await gone(postgres, 5000)]).toEqual([true, true]);
    // Reported, not hidden: `stopped`, or `unhealthy` while the killed postmaster's children linger.
    const states = [await stateOf('postgres'), await stateOf('kafka')];
    expect(states.map((st) => st === 'stopped' || st === 'unhealthy')).toEqual([true, true]);

    await stackUp(config, say);
    expect([await stateOf('postgres'), await stateOf('kafka')]).toEqual(['running', 'running']);
    expect(said).toContain('migrate: schema up to date'); // the data survived the kill

    const [kafkaAgain, postgresAgain] = [kafkaPid(), postgresPid()];
    await stackDown(config, say);
    expect([await gone(kafkaAgain, 5000), await gone(postgresAgain, 5000)]).toEqual([true, true]);
    expect([await stateOf('postgres'), await stateOf('kafka')]).toEqual(['stopped', 'stopped']);
  }, 240_000);
});
