import { ConfigError, loadConfig } from '@fengqiao/config';
import { type AppProcess, setupSteps, systemApps } from './apps';
import { stackDown, stackStatus, stackUp } from './stack';
import { StackError } from './stack-error';
import { runStep, Supervisor, waitForHttp } from './supervisor';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** `npm start`: the stack, the demo data and every app, in the foreground until Ctrl-C. */
async function main(): Promise<void> {
  const config = loadConfig();
  const wasUp = (await stackStatus(config)).every((s) => s.state === 'running' || s.state === 'external');
  await stackUp(config, say);
  let logins: string[] = [];
  const steps = setupSteps(config);
  for (const step of steps.filter((st) => !st.background)) {
    const output = await runStep(step, config.repoRoot);
    // The users step prints one `role  username / password` line per demo account.
    if (step.name === 'users') logins = output.split('\n').filter((l) => l.includes(' / '));
  }

  const apps = systemApps(config);
  let shuttingDown = false;
  const supervisor = new Supervisor(process.env, (name, code) => {
    say(`✖ ${name} exited unexpectedly (code ${code ?? 'signal'}); stopping everything`);
    void shutdown(1);
  });
  const shutdown = async (code: number): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('\nstopping the apps…');
    await supervisor.stopAll();
    if (!wasUp) await stackDown(config, say);
    else say('stack: left running (it was up before `npm start`); `npm run stack:down` stops it');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // One after the other, each ready before the next starts: the synthetic cameras need the media
  // service listening, the simulator the ingest consuming.
  const background = steps.filter((st) => st.background);
  const waits = (app: AppProcess): boolean =>
    app.after !== undefined && background.some((st) => st.name === app.after);
  for (const [i, app] of apps.entries()) {
    if (waits(app)) continue;
    supervisor.start(app, i);
    if (app.readyUrl !== undefined && !(await waitForHttp(app.readyUrl, 120_000))) {
      say(`✖ ${app.name} did not answer on ${app.readyUrl} within 120 s; see its output above`);
      await shutdown(1);
      return;
    }
  }
  background.forEach((st, i) =>
    supervisor.start(
      { name: st.name, command: process.execPath, args: st.args, cwd: config.repoRoot },
      apps.length + i,
      true,
      () => {
        for (const app of apps.filter((a) => a.after === st.name)) {
          say(`${app.name}: starting now that ${st.name} has ended`);
          supervisor.start(app, apps.indexOf(app));
        }
      },
    ),
  );
  const url = `http://${config.host}:${config.dashboard.port}/`;
  say('');
  say('────────────────────────────────────────────────────────────');
  say(`  Fengqiao is up:  ${url}`);
  say(`  API:             http://${config.host}:${config.api.port}/api/health`);
  if (logins.length > 0)
    say(`  demo logins (development only):\n${logins.map((l) => `    ${l.trim()}`).join('\n')}`);
  say(`  logs of the stack: ${config.stack.logDir}`);
  say('  Ctrl-C stops everything this command started.');
  say('────────────────────────────────────────────────────────────');
}

main().catch((err: unknown) => {
  if (err instanceof StackError) process.stderr.write(`${err.render()}\n`);
  else if (err instanceof ConfigError) process.stderr.write(`✖ config: ${err.message}\n`);
  else process.stderr.write(`✖ start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
