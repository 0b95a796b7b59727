import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { findRepoRoot, type FengqiaoConfig } from '@fengqiao/config';
import { type CaseEvent, type PartyPersonalData, type RegionRef } from '@fengqiao/contracts';
import { caseEventRow, createPool, EventStoreRepository, type DbPool } from '@fengqiao/db';
import { normalisedPartyText, partyKeyOf } from '@fengqiao/intake';
import { aCaseId, aCaseReported, anInstant, testConfig } from '@fengqiao/testing';
import { CaseDuplicatesService } from '../cases/case-duplicates.service';
import { CasesRepository } from '../cases/cases.repository';
import { Database } from '../infra/database';
import { PartyKeysRepository, type StoredPartyRow } from './party-keys.repository';
import { PartyRekeyService, staleKeyUpdate } from './party-rekey.service';

// `npm run rekey-parties` on the real database: parties stored with keys that no longer match
// (plain SHA-256 from before the HMAC, a rotated secret, none at all) are re-keyed under the current
// FQ_PARTY_KEY_SECRET by the real command, and the repeat-visit lookup finds their cases again.
const root = findRepoRoot(__dirname);
const run = promisify(execFile);
const rnd = (n: number): number => Math.floor(Math.random() * n);
const region: RegionRef = { county: '511903', township: `511903${900 + rnd(99)}` };
const DAY = 86_400_000;

const plainSha256 = (p: PartyPersonalData): string =>
  createHash('sha256').update(normalisedPartyText(p)).digest('hex');

/** One case per way a key goes stale, plus one already current. */
function casesWith(config: FengqiaoConfig) {
  const c = (parties: PartyPersonalData[], keys: string[] | undefined): CaseEvent =>
    aCaseReported({
      caseId: aCaseId(90_000 + rnd(9_999), region.county),
      occurredAt: anInstant(-2 * DAY),
      region,
      partiesCount: parties.length,
      parties,
      ...(keys === undefined ? {} : { partyKeys: keys }),
    });
  const pre = [
    { name: '罗明', phone: '13800001234' },
    { name: '王芳', phone: '13900005678' },
  ];
  const rotated = [{ name: '陈刚', phone: '0827-5260000' }];
  const current = [{ name: '赵六', phone: '13700000000' }];
  return {
    preHmac: c(pre, pre.map(plainSha256)),
    rotated: c(
      rotated,
      rotated.map((p) => partyKeyOf(p, 'the-secret-before-the-rotation-0123456789')),
    ),
    keyless: c([{ name: '李四' }], undefined),
    current: c(
      current,
      current.map((p) => partyKeyOf(p, config.partyKeySecret)),
    ),
  };
}

let config: FengqiaoConfig;
let pool: DbPool;
let cases: ReturnType<typeof casesWith>;
let duplicates: CaseDuplicatesService;

const allParties = async (): Promise<StoredPartyRow[]> =>
  (await pool.query<StoredPartyRow>('SELECT case_id, ordinal, name, phone, party_key FROM case_parties'))
    .rows;

const repeatVisitsOf = async (parties: PartyPersonalData[]) =>
  (await duplicates.candidates(region, duplicates.keysOf(parties), 30, Date.now())).map((c) => [
    c.caseId,
    c.matchedParties,
  ]);

beforeAll(async () => {
  config = testConfig();
  pool = createPool(config.postgres.url, { max: 2 });
  duplicates = new CaseDuplicatesService(new Database(pool), new CasesRepository(), config);
  cases = casesWith(config);
  await new EventStoreRepository().insertCaseEvents(pool, Object.values(cases).map(caseEventRow));
});

afterAll(async () => {
  await pool?.end();
});

describe('npm run rekey-parties on the real database', () => {
  it('finds no repeat visit while the stored keys are stale', async () => {
    expect(await repeatVisitsOf([{ name: '罗 明', phone: '+86 138-0000-1234' }])).toEqual([]);
    expect(await repeatVisitsOf([{ name: '陈刚', phone: '0827-5260000' }])).toEqual([]);
  });

  it('re-keys every stale party in batches with progress lines, and the repeat visits are found', async () => {
    const stale = (await allParties()).filter((r) => staleKeyUpdate(r, config.partyKeySecret) !== null);
    expect(stale.length).toBeGreaterThanOrEqual(4);
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/api/src/cli/rekey-parties.ts', '--batch', '2'],
      { cwd: root, env: { ...process.env, FQ_PARTY_KEY_SECRET: config.partyKeySecret }, timeout: 60_000 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => / parties read, \d+ keys changed$/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toMatch(new RegExp(`: \\d+ parties, ${stale.length} rows changed$`));
    expect(stdout).not.toContain('罗明');

    const ours = new Set(Object.values(cases).map((c) => c.caseId));
    const rows = (await allParties()).filter((r) => ours.has(r.case_id));
    expect(rows).toHaveLength(5);
    for (const r of rows)
      expect(r.party_key).toBe(
        partyKeyOf({ name: r.name, phone: r.phone ?? undefined }, config.partyKeySecret),
      );
    // The same people typed another way at the window: matched by the new keys.
    expect(
      await repeatVisitsOf([
        { name: '罗 明', phone: '+86 138-0000-1234' },
        { name: '王芳', phone: '13900005678' },
      ]),
    ).toEqual([[cases.preHmac.caseId, 2]]);
    expect(await repeatVisitsOf([{ name: '陈刚', phone: '0827-5260000' }])).toEqual([
      [cases.rotated.caseId, 1],
    ]);
    expect(await repeatVisitsOf([{ name: '李四' }])).toEqual([[cases.keyless.caseId, 1]]);
  });

  it('is safe to re-run: a second pass reads everything and changes nothing', async () => {
    const service = new PartyRekeyService(pool, new PartyKeysRepository(), config.partyKeySecret);
    const batches: number[] = [];
    const again = await service.run({ batchSize: 3, onBatch: (p) => batches.push(p.rows) });
    expect(again.changed).toBe(0);
    expect(again.rows).toBe((await allParties()).length);
    expect(batches.at(-1)).toBe(again.rows);
  });
});
