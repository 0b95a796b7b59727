import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { cameraAnalyticsSchema, cameraStatusSchema, caseEventSchema } from '@fengqiao/contracts';
import { decode } from '../../apps/warning/src/messaging/input-decoder';
import { type WarningTopicKind } from '../../apps/warning/src/warning-topics';
import { median, mixedEvent } from '../ingest/bench-env';

/**
 * The warning service's decoding of the bench camera mix (issue 18, decision 0017), in this process:
 *   node -r @swc-node/register bench/system/warning-decode.bench.ts [--events 200000] [--reps 7]
 * Alternates, per repetition, the schema-only decode (JSON.parse + the contract's zod safeParse: what
 * the service did before) and the service's decode() (plain-valid checks first, zod when unsure), over
 * the same messages; prints the median ns per message of each and their ratio, beside JSON.parse alone.
 */
const { values } = parseArgs({
  options: { events: { type: 'string', default: '200000' }, reps: { type: 'string', default: '7' } },
});
const KIND = { status: 'cameraStatus', analytics: 'cameraAnalytics', case: 'case' } as const;
const SCHEMA = {
  cameraStatus: cameraStatusSchema,
  cameraAnalytics: cameraAnalyticsSchema,
  case: caseEventSchema,
};

function main(): void {
  const at = new Date().toISOString();
  const messages = Array.from({ length: Number(values.events) }, (_, i) => {
    const e = mixedEvent(i, at);
    return { kind: KIND[e.kind], value: Buffer.from(e.value) };
  });
  const schemaOnly = (kind: WarningTopicKind, value: Buffer): boolean =>
    kind !== 'cameraRegistered' &&
    kind !== 'alertChanges' &&
    SCHEMA[kind].safeParse(JSON.parse(value.toString('utf8'))).success;
  const runs: Record<'parse' | 'schema' | 'decode', number[]> = { parse: [], schema: [], decode: [] };
  const time = (f: (kind: WarningTopicKind, value: Buffer) => boolean): number => {
    const t = process.hrtime.bigint();
    let ok = 0;
    for (const m of messages) if (f(m.kind, m.value)) ok += 1;
    if (ok !== messages.length) throw new Error(`only ${ok} of ${messages.length} messages were valid`);
    return Number(process.hrtime.bigint() - t) / messages.length;
  };
  for (let rep = 0; rep < Number(values.reps); rep += 1) {
    runs.parse.push(time((_k, v) => JSON.parse(v.toString('utf8')) !== null));
    runs.schema.push(time(schemaOnly));
    runs.decode.push(time((k, v) => decode(k, v).kind === 'input'));
  }
  const [p, s, d] = [median(runs.parse), median(runs.schema), median(runs.decode)];
  process.stdout.write(
    `${messages.length.toLocaleString('en-US')} messages of the mix, median of ${values.reps} (load ${loadavg()[0]?.toFixed(2)}): ` +
      `JSON.parse alone ${p.toFixed(0)} ns/msg; schema-only decode ${s.toFixed(0)} ns/msg; warning decode() ${d.toFixed(0)} ns/msg ` +
      `(${(s / d).toFixed(2)}x faster; validation beyond JSON.parse ${(s - p).toFixed(0)} → ${(d - p).toFixed(0)} ns/msg)\n`,
  );
}

main();
