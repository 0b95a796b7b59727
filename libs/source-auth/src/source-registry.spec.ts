import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_SOURCE,
  SourceRegistryError,
  SourceRegistryWatch,
  loadSourceRegistry,
  parseSourceRegistry,
} from './source-registry';
import { scopeRefusal } from './scope';

const SECRET = 's'.repeat(40);
const file = (sources: unknown[]): string => JSON.stringify({ sources });
const source = (extra: Record<string, unknown> = {}) => ({
  id: 'county-a',
  keys: [{ id: 'k1', secret: SECRET }],
  kinds: ['camera.status'],
  regions: ['511902'],
  ...extra,
});

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return err instanceof SourceRegistryError ? err.code : 'other';
  }
  return undefined;
}

describe('the source registry', () => {
  it('parses sources with hmac as the default mode', () => {
    const r = parseSourceRegistry(file([source()]), 'f', true);
    expect(r.sources.get('county-a')).toMatchObject({ auth: 'hmac', regions: ['511902'] });
  });

  it.each([
    ['a short secret', [source({ keys: [{ id: 'k1', secret: 'short' }] })], /secret must have 32/],
    ['three keys', [source({ keys: ['a', 'b', 'c'].map((id) => ({ id, secret: SECRET })) })], /keys/],
    [
      'two keys with one id',
      [
        source({
          keys: [
            { id: 'k', secret: SECRET },
            { id: 'k', secret: `${SECRET}2` },
          ],
        }),
      ],
      /different ids/,
    ],
    ['an unknown kind', [source({ kinds: ['case.v9'] })], /kinds/],
    ['a region that is no county code', [source({ regions: ['5119'] })], /county code/],
    ['a duplicate source', [source(), source()], /duplicate source/],
  ])('refuses %s, naming the problem but not the secret', (_what, sources, message) => {
    let caught: unknown;
    try {
      parseSourceRegistry(file(sources), 'sources.json', false);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SourceRegistryError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain(SECRET);
  });

  it('production refuses demo keys and the built-in demo registry; elsewhere the demo source exists', () => {
    const demo = file([source({ keys: [{ id: 'd', secret: 'fq-demo-0123456789abcdef0123456789' }] })]);
    expect(codeOf(() => parseSourceRegistry(demo, 'f', true))).toBe(
      'SOURCE_REGISTRY_DEMO_KEYS_IN_PRODUCTION',
    );
    expect(codeOf(() => parseSourceRegistry(demo, 'f', false))).toBeUndefined();
    expect(codeOf(() => loadSourceRegistry(undefined, true))).toBe('SOURCE_REGISTRY_INVALID');
    expect(loadSourceRegistry(undefined, false).sources.get('demo')).toEqual(DEMO_SOURCE);
  });

  it('a watched file is reloaded when it changes; a broken change keeps the previous registry', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fq-sources-')), 'sources.json');
    writeFileSync(path, file([source()]));
    const outcomes: boolean[] = [];
    const watch = new SourceRegistryWatch(path, false, (r) => outcomes.push(r.ok));
    expect(watch.check()).toBe(false);
    writeFileSync(
      path,
      file([
        source({
          keys: [
            { id: 'k1', secret: SECRET },
            { id: 'k2', secret: `${SECRET}2` },
          ],
        }),
      ]),
    );
    expect(watch.check()).toBe(true);
    expect(
      watch
        .registry()
        .sources.get('county-a')
        ?.keys.map((k) => k.id),
    ).toEqual(['k1', 'k2']);
    writeFileSync(path, '{ broken');
    expect(watch.check()).toBe(false);
    expect(watch.registry().sources.get('county-a')?.keys).toHaveLength(2);
    expect(outcomes).toEqual([true, false]);
  });
});

describe('a source’s scope', () => {
  const s = parseSourceRegistry(file([source({ kinds: ['camera.status', 'case'] })]), 'f', false).sources.get(
    'county-a',
  );
  if (s === undefined) throw new Error('parsed');

  it('allows its kinds in its counties', () => {
    expect(scopeRefusal(s, { kind: 'camera.status', cameraId: '51190201011318000040' })).toBeUndefined();
    expect(scopeRefusal(s, { kind: 'case', county: '511902' })).toBeUndefined();
  });

  it('refuses another kind and another county, naming which', () => {
    expect(scopeRefusal(s, { kind: 'camera.analytics', cameraId: '51190201011318000040' })).toMatch(
      /not camera\.analytics/,
    );
    expect(scopeRefusal(s, { kind: 'camera.status', cameraId: '51192101011318000040' })).toMatch(
      /not county 511921/,
    );
    expect(scopeRefusal(s, { kind: 'case', county: '511922' })).toMatch(/not county 511922/);
  });

  it('a city-wide source (*) may report about any county', () => {
    const city = { ...s, regions: ['*'] };
    expect(scopeRefusal(city, { kind: 'case', county: '511922' })).toBeUndefined();
  });
});
