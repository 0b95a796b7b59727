import { parseArgs } from 'node:util';
import { runProcess } from '../run-process';

// A tiny app on runProcess for its spec: two stop steps that log their order, an optional hanging
// step, an optional uncaught error, a health check whose verdict a flag picks.
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'hang-on-stop': { type: 'boolean', default: false },
    'throw-after-ms': { type: 'string' },
    unhealthy: { type: 'boolean', default: false },
  },
});

const say = (line: string): void => void process.stdout.write(`${line}\n`);

void runProcess({
  name: 'fixture',
  shutdownDeadlineMs: 1000,
  health: { host: '127.0.0.1', port: Number(values.port ?? 0), checkTimeoutMs: 500 },
  start: () => {
    if (values['throw-after-ms'] !== undefined) {
      setTimeout(() => {
        throw new Error('boom in a timer');
      }, Number(values['throw-after-ms']));
    }
    return Promise.resolve({
      stops: [
        { name: 'first', stop: () => Promise.resolve(say('stopped first')) },
        {
          name: 'second',
          stop: async () => {
            if (values['hang-on-stop']) await new Promise<void>(() => undefined);
            say('stopped second');
          },
        },
      ],
      checks: [
        {
          name: 'work',
          check: () => ({ ok: !values.unhealthy, detail: values.unhealthy ? 'stuck' : 'fine' }),
        },
      ],
    });
  },
});
