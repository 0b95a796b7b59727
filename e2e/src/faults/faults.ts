import { INPUT_TOPICS } from '@fengqiao/contracts';
import { type ManagedProcess } from '@fengqiao/testing';
import { SESSION_TIMEOUT_MS, type FaultSystem } from './fault-system';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number): number => min + Math.random() * (max - min);

/**
 * SIGKILLs `proc` `times` times, each at a random moment `minMs`-`maxMs` after it was last ready
 * (so a kill may land mid-batch, mid-commit or mid-rebuild), restarting it each time as a supervisor
 * would. Returns the kills done.
 */
export async function killRepeatedly(
  proc: ManagedProcess,
  times: number,
  minMs: number,
  maxMs: number,
): Promise<number> {
  for (let i = 0; i < times; i++) {
    await sleep(between(minMs, maxMs));
    await proc.kill('SIGKILL');
    await proc.start();
  }
  return times;
}

/** SIGKILL, and the restart after `downMs` (a supervisor's back-off). */
export async function killOnce(proc: ManagedProcess, downMs = 1000): Promise<number> {
  await proc.kill('SIGKILL');
  await sleep(downMs);
  await proc.start();
  return 1;
}

/** What a warning instance's /health says it is: judging (leader, in its group), or not. */
async function warningRole(proc: ManagedProcess): Promise<'judging' | 'other' | 'silent'> {
  const res = await fetch(`http://127.0.0.1:${proc.spec.env.FQ_WARNING_PORT}/health`, {
    signal: AbortSignal.timeout(2000),
  }).catch(() => undefined);
  if (res === undefined) return 'silent';
  const body = (await res.json().catch(() => ({}))) as { components?: { name: string; detail: string }[] };
  const detail = body.components?.find((c) => c.name === 'consumer')?.detail ?? '';
  // A leader in its group reports its progress; a standby says "standby: ..." (apps/warning).
  return /^(caught up|lag )/.test(detail) ? 'judging' : 'other';
}

export interface LeaderPause {
  readonly injected: number;
  /** From the SIGSTOP to a standby judging in its place; undefined when none took over. */
  readonly takeoverMs: number | undefined;
  /** From the SIGCONT to the old leader no longer judging; undefined when it still does. */
  readonly stoodDownMs: number | undefined;
}

/**
 * SIGSTOPs the warning leader past its session (and its lock's lease, decision 0014) and keeps it
 * stopped until a standby judges in its place, at least `minPauseMs` and at most `maxPauseMs`;
 * then SIGCONTs it and waits (up to 30 s) for it to notice that it no longer leads.
 */
export async function pauseWarningLeader(
  system: FaultSystem,
  minPauseMs: number,
  maxPauseMs: number,
): Promise<LeaderPause> {
  const roles = await Promise.all(system.warnings.map(warningRole));
  const leader = system.warnings[roles.indexOf('judging')];
  if (leader === undefined) throw new Error(`no warning instance leads (roles: ${roles.join(', ')})`);
  const standbys = system.warnings.filter((w) => w !== leader);
  leader.pause();
  const pausedAt = Date.now();
  let takeoverMs: number | undefined;
  while (Date.now() - pausedAt < maxPauseMs) {
    if (takeoverMs === undefined && (await Promise.all(standbys.map(warningRole))).includes('judging'))
      takeoverMs = Date.now() - pausedAt;
    if (takeoverMs !== undefined && Date.now() - pausedAt >= minPauseMs) break;
    await sleep(250);
  }
  leader.resume();
  const resumedAt = Date.now();
  let stoodDownMs: number | undefined;
  while (Date.now() - resumedAt < 30_000) {
    if ((await warningRole(leader)) === 'other') {
      stoodDownMs = Date.now() - resumedAt;
      break;
    }
    await sleep(250);
  }
  return { injected: 1, takeoverMs, stoodDownMs };
}

/** SIGSTOP for twice the session timeout: the group moves on, then the frozen process wakes up. */
export async function pausePastSession(proc: ManagedProcess): Promise<number> {
  proc.pause();
  await sleep(SESSION_TIMEOUT_MS * 2 + 2000);
  proc.resume();
  return 1;
}

export async function restartPostgres(system: FaultSystem): Promise<number> {
  await system.infra.restartPostgres();
  return 1;
}

/** Every app's database connections reset and new ones refused for `ms`. */
export async function cutPostgres(system: FaultSystem, ms: number): Promise<number> {
  await system.proxy.cut();
  await sleep(ms);
  await system.proxy.restore();
  return 1;
}

/** Every app's database connections silently stop passing anything for `ms` (half-open). */
export async function freezePostgres(system: FaultSystem, ms: number): Promise<number> {
  system.proxy.freeze();
  await sleep(ms);
  system.proxy.thaw();
  return 1;
}

/** Every broker stopped for `ms` (with one broker: the broker), then started with its data. */
export async function stopKafka(system: FaultSystem, ms: number): Promise<number> {
  const { kafka } = system.infra;
  await Promise.all(kafka.nodeIds.map((id) => kafka.stopNode(id, 'SIGTERM')));
  await sleep(ms);
  await Promise.all(kafka.nodeIds.map((id) => kafka.startNode(id)));
  return 1;
}

/**
 * SIGKILLs the leader of the case topic's partition 0, lets the cluster run on two nodes for `downMs`
 * (at least until the controller has elected another leader: it notices a killed broker only after
 * the broker session timeout, 9 s by default, later on a loaded machine), restarts it; then SIGKILLs
 * the leader that replaced it, and restarts that one too. The controller quorum (3 voters) survives
 * each single loss.
 */
export async function killLeaderThenReplacement(system: FaultSystem, downMs: number): Promise<number> {
  const { kafka } = system.infra;
  const topic = INPUT_TOPICS.caseEvents.name;
  const first = await kafka.leaderOf(topic, 0);
  if (first === undefined) throw new Error(`no leader for ${topic}-0`);
  const killedAt = Date.now();
  await kafka.stopNode(first, 'SIGKILL');
  const replacement = await system.infra.kafka.leaderOtherThan(topic, first, 60_000);
  await sleep(Math.max(0, killedAt + downMs - Date.now()));
  await kafka.startNode(first);
  if (replacement === undefined) throw new Error(`no new leader replaced node ${first} within 60 s`);
  await sleep(5000);
  const secondKilledAt = Date.now();
  await kafka.stopNode(replacement, 'SIGKILL');
  await system.infra.kafka.leaderOtherThan(topic, replacement, 60_000);
  await sleep(Math.max(0, secondKilledAt + downMs - Date.now()));
  await kafka.startNode(replacement);
  return 2;
}
