import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { INPUT_TOPICS } from '@fengqiao/contracts';
import { createKafkaClient } from '@fengqiao/kafka';
import { freePort, startProcess, testConfig, uniqueName, type RunningProcess } from '@fengqiao/testing';

const root = findRepoRoot(__dirname);

/** Where the workflow specs put the screenshots a person looks at (issue 8: form, list, report). */
export const DOCS_SCREENSHOTS = join(root, 'docs', 'screenshots');

export async function shootDocs(page: Page, name: string): Promise<string> {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  const path = join(DOCS_SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The real ingest into this run's database, on private copies of the input topics (`suffix`). */
export async function startPrivateIngest(suffix: string): Promise<RunningProcess> {
  const config = testConfig();
  const port = await freePort();
  return startProcess({
    command: process.execPath,
    args: [
      '-r',
      '@swc-node/register',
      'apps/ingest/src/main.ts',
      '--group',
      uniqueName('e2e-workflow-ingest'),
      '--topic-suffix',
      suffix,
      '--port',
      String(port),
    ],
    cwd: root,
    env: { ...process.env, DATABASE_URL: config.postgres.url },
    readyUrl: `http://127.0.0.1:${port}/health`,
    timeoutMs: 90_000,
  });
}

export interface CaseRelay {
  stop(): Promise<void>;
}

/**
 * The API started by `startSystem` produces case events to the shared case topic, where other
 * sessions' tests produce too (malformed messages included, on purpose). This relay copies the
 * events of this run's own township, byte for byte, onto the private topic the ingest reads; its
 * consumer group is first moved to the topic's end, so nothing older is copied.
 */
export async function startCaseRelay(suffix: string, township: string): Promise<CaseRelay> {
  const config = testConfig();
  const shared = INPUT_TOPICS.caseEvents.name;
  const group = uniqueName('e2e-workflow-relay');
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: group, log: () => undefined });
  const admin = kafka.admin();
  await admin.connect();
  await admin.resetOffsets({ groupId: group, topic: shared, earliest: false });
  await admin.disconnect();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: group });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: shared });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const text = message.value?.toString('utf8') ?? '';
      if (!text.includes(`"township":"${township}"`)) return;
      await producer.send({
        topic: `${shared}.${suffix}`,
        messages: [{ key: message.key, value: message.value, headers: message.headers }],
      });
    },
  });
  return {
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

/** Signs in through the login page with the keyboard only (type, Tab, Enter), landing on `next`. */
export async function signInByKeyboard(
  page: Page,
  url: string,
  next: string,
  user: string,
  password: string,
) {
  await page.goto(`${url}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name=username]').focus();
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === next.split('?')[0], { timeout: 15_000 });
}

/** The `name` of the focused control (a string evaluated in the page: this file has no DOM types). */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate<string>(
    "(document.activeElement && (document.activeElement.getAttribute('name') || document.activeElement.getAttribute('data-testid'))) || ''",
  );
}

/** Presses Tab until the control named `name` has focus (the keyboard path a clerk takes). */
export async function tabTo(page: Page, name: string, maxTabs = 12): Promise<void> {
  for (let i = 0; i < maxTabs; i += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}; focus is on ${await focusedName(page)}`);
}
