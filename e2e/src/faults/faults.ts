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
 * SIGKILLs the leader of the case topic's partition 0, lets the cluster run on two nodes for `downMs`,
 * restarts it; then SIGKILLs the leader that replaced it, and restarts that one too. The controller
 * quorum (3 voters) survives each single loss.
 */
export async function killLeaderThenReplacement(system: FaultSystem, downMs: number): Promise<number> {
  const { kafka } = system.infra;
  const topic = INPUT_TOPICS.caseEvents.name;
  const first = await kafka.leaderOf(topic, 0);
  if (first === undefined) throw new Error(`no leader for ${topic}-0`);
  await kafka.stopNode(first, 'SIGKILL');
  await sleep(downMs);
  const replacement = await kafka.leaderOf(topic, 0);
  await kafka.startNode(first);
  if (replacement === undefined || replacement === first)
    throw new Error(`no new leader replaced node ${first}`);
  await sleep(5000);
  await kafka.stopNode(replacement, 'SIGKILL');
  await sleep(downMs);
  await kafka.startNode(replacement);
  return 2;
}
