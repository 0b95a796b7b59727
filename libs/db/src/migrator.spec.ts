import { DbError } from './db-error';
import { loadMigrations, parseMigration } from './migrator';

describe('parseMigration', () => {
  it('splits the up and down halves', () => {
    const m = parseMigration(
      '20260101000000_init.sql',
      '-- migrate:up\nCREATE TABLE a();\n-- migrate:down\nDROP TABLE a;\n',
    );
    expect(m.version).toBe('20260101000000');
    expect(m.name).toBe('init');
    expect(m.up).toContain('CREATE TABLE a');
    expect(m.up).not.toContain('DROP TABLE');
    expect(m.down).toContain('DROP TABLE a');
  });

  it.each([
    ['a name without timestamp', 'init.sql', '-- migrate:up\n-- migrate:down\n'],
    ['a missing down section', '20260101000000_init.sql', '-- migrate:up\nSELECT 1;'],
    ['down before up', '20260101000000_init.sql', '-- migrate:down\n-- migrate:up\n'],
  ])('rejects %s', (_t, name, sql) => {
    expect(() => parseMigration(name, sql)).toThrow(DbError);
  });
});

describe('the shipped migrations', () => {
  it('are ordered, uniquely versioned, and each has both halves', () => {
    const all = loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    const versions = all.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort()).toEqual(versions);
    for (const m of all) expect(m.down.trim().length).toBeGreaterThan('-- migrate:down'.length);
  });
});
