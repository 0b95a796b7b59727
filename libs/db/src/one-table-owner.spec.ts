import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * One owner per shared table (issue 19): SQL over a table that more than one app (or libs/db and an
 * app) reads or writes lives in libs/db, so a change of the table or of a rule its queries restate
 * (which alert or case states are open) is made once. An app may keep SQL over a table only it uses.
 * A table is any table or view the migrations create; "shared" is worked out from the sources.
 */
const TABLE_REF = /\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_][a-z0-9_]*)/g;

/**
 * App files that still query shared tables themselves, each to move into libs/db. Listed so that a
 * NEW one fails this spec; each must still offend (remove it from here once moved).
 */
const KNOWN_OPEN: Readonly<Record<string, string>> = {
  'apps/api/src/auth/device-tokens.repository.ts': 'joins users (auth; owner: libs/db users)',
  'apps/api/src/cameras/cameras.repository.ts': 'camera registry and state for the camera list',
  'apps/api/src/cameras/nearby-cameras.repository.ts':
    'cameras near an alert (twin of libs/db cameras-near-alerts)',
  'apps/api/src/cameras/stream-state.sql.ts': 'the stream state read from camera_status_events',
  'apps/api/src/cases/cases.repository.ts': 'the cases list and intake (cases, case_events, case_parties)',
  'apps/api/src/cli/party-keys.repository.ts': 'the party-key rotation CLI over case_parties',
  'apps/api/src/live/live-sources.repository.ts': "the live stream's camera state",
  'apps/api/src/rules/backtest-inputs.repository.ts': "the backtest's stored event streams",
  'apps/api/src/trends/city-trends.repository.ts': 'region rollups',
  'apps/api/src/trends/grid-trends.repository.ts': 'grid trends over event tables',
  'apps/api/src/trends/trends.repository.ts': 'region rollups',
  'apps/api/src/video/video.repository.ts': 'cameras and alerts for video play grants',
  'apps/media/src/cameras/main.ts': 'the camera registry',
  'apps/reports/src/data/case-facts.repository.ts': "the reports' case facts from case_events",
  'apps/reports/src/data/context.repository.ts': "the reports' alert and camera context",
  'apps/reports/src/schedule/targets.repository.ts': 'report targets by region',
  'apps/simulator/src/history.repository.ts': "the simulator's history over cases",
  'apps/simulator/src/media-cameras.repository.ts': 'camera status for the media simulator',
  'apps/simulator/src/registry.repository.ts': 'the camera registry seed',
};

const IS_TEST = /\.(spec|int-spec|e2e-spec)\.tsx?$|-fixtures?\.ts$|\/(__fixtures__|testing|test-support)\//;

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path, keep);
    return keep(e.name) ? [path] : [];
  });
}

/** Every table and view a migration creates. */
function tables(): Set<string> {
  const found = new Set<string>();
  const create =
    /CREATE\s+(?:UNLOGGED\s+)?(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi;
  for (const f of files(join(ROOT, 'libs/db/migrations'), (n) => n.endsWith('.sql'))) {
    const sql = readFileSync(f, 'utf8');
    for (const m of sql.matchAll(create)) found.add((m[1] ?? '').toLowerCase());
    // The event tables are created through a helper that takes the name as a string.
    for (const m of sql.matchAll(/\b([a-z_]+_events)\b/g)) found.add(m[1] ?? '');
  }
  return found;
}

/** The tables each production source file names in SQL, grouped by owner (an app, or libs/db). */
function references(known: Set<string>): Map<string, { owner: string; tables: Set<string> }> {
  const roots = [
    ...readdirSync(join(ROOT, 'apps')).map((a) => ({ owner: a, dir: join(ROOT, 'apps', a, 'src') })),
    { owner: 'libs/db', dir: join(ROOT, 'libs/db/src') },
  ];
  const out = new Map<string, { owner: string; tables: Set<string> }>();
  for (const { owner, dir } of roots) {
    let sources: string[];
    try {
      sources = files(dir, (n) => /\.tsx?$/.test(n));
    } catch {
      continue; // an app without src/
    }
    for (const path of sources) {
      const file = relative(ROOT, path);
      if (IS_TEST.test(file)) continue;
      const named = [...readFileSync(path, 'utf8').matchAll(TABLE_REF)]
        .map((m) => m[1] ?? '')
        .filter((t) => known.has(t));
      if (named.length > 0) out.set(file, { owner, tables: new Set(named) });
    }
  }
  return out;
}

describe('every shared table has one owner, libs/db', () => {
  const refs = references(tables());
  const ownersOf = new Map<string, Set<string>>();
  for (const { owner, tables: named } of refs.values())
    for (const t of named) ownersOf.set(t, (ownersOf.get(t) ?? new Set()).add(owner));
  const offending = [...refs.entries()]
    .filter(([, r]) => r.owner !== 'libs/db')
    .map(([file, r]) => ({ file, shared: [...r.tables].filter((t) => (ownersOf.get(t)?.size ?? 0) > 1) }))
    .filter((o) => o.shared.length > 0);

  it('no app file outside the known list queries a shared table with its own SQL', () => {
    const fresh = offending.filter((o) => KNOWN_OPEN[o.file] === undefined);
    expect(fresh.map((o) => `${o.file}: ${o.shared.sort().join(', ')} (move the SQL into libs/db)`)).toEqual(
      [],
    );
  });

  it('each file on the known list still offends (take it off once its SQL moved)', () => {
    const still = new Set(offending.map((o) => o.file));
    expect(Object.keys(KNOWN_OPEN).filter((f) => !still.has(f))).toEqual([]);
  });

  it('sees the owner and the apps: the KPI tables are read in libs/db only', () => {
    for (const t of ['case_kpi_facts', 'alerts', 'camera_state', 'case_events'])
      expect(ownersOf.get(t)).toContain('libs/db');
    expect(ownersOf.get('case_kpi_facts')).toEqual(new Set(['libs/db']));
  });

  it('catches each way of naming a table in SQL', () => {
    const samples = [
      'SELECT colour FROM alerts WHERE x',
      'FROM cameras c JOIN camera_state s USING (camera_id)',
      'INSERT INTO case_events (event_id) VALUES ($1)',
      'UPDATE silences SET expired_at = now()',
    ];
    expect(samples.flatMap((s) => [...s.matchAll(TABLE_REF)].map((m) => m[1]))).toEqual([
      'alerts',
      'cameras',
      'camera_state',
      'case_events',
      'silences',
    ]);
  });
});
