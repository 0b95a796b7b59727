import { type Queryable } from '../transaction';
import { ActiveVersionCache, ActiveVersionInvalidError } from './active-version-cache';
import { type VersionedDocumentsRepository } from './versioned-documents.repository';

/** Stored versions in memory: what the cache asks its repository (the table's own spec is an int spec). */
function storeOf(documents: Record<number, unknown>) {
  const state = { active: 1, finds: 0 };
  const repo = {
    activeVersion: () => Promise.resolve(state.active),
    find: (_db: Queryable, version: number) => {
      state.finds++;
      return Promise.resolve({ version, document: documents[version] });
    },
  } as unknown as VersionedDocumentsRepository;
  return { repo, state };
}

const db = {} as Queryable;
const asCount = (raw: unknown): number => {
  if (typeof raw !== 'number') throw new Error('not a number');
  return raw;
};

describe('ActiveVersionCache', () => {
  it('loads a version once, keeps the last good one past a body that does not validate, and reports that version once with a code', async () => {
    const { repo, state } = storeOf({ 1: 10, 2: 'broken', 3: 30 });
    const loaded: number[] = [];
    const cache = new ActiveVersionCache(db, repo, asCount, (l) => loaded.push(l.version));
    expect(await cache.refresh()).toEqual({ version: 1, document: 10 });
    expect(await cache.refresh()).toEqual({ version: 1, document: 10 });
    expect(state.finds).toBe(1);

    state.active = 2;
    const refused = await cache.refresh().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ActiveVersionInvalidError);
    expect(refused).toMatchObject({ code: 'ACTIVE_VERSION_INVALID', version: 2 });
    // The same immutable version is not read or reported again; the last good one stays.
    expect(await cache.refresh()).toEqual({ version: 1, document: 10 });
    expect(cache.current()).toEqual({ version: 1, document: 10 });
    expect(state.finds).toBe(2);

    state.active = 3;
    expect(await cache.refresh()).toEqual({ version: 3, document: 30 });
    expect(loaded).toEqual([1, 3]);
  });
});
