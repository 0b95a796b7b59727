import { ConfigError } from './config-error';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('gives embedded defaults on 127.0.0.1 in development', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('development');
    expect(c.kafka.brokers).toEqual(['127.0.0.1:19092']);
    expect(c.kafka.embedded).toBe(true);
    expect(c.postgres.url).toBe('postgres://fengqiao:fengqiao@127.0.0.1:15432/fengqiao');
    expect(c.postgres.embedded).toBe(true);
    expect(c.stack.logDir.endsWith('.stack/logs')).toBe(true);
  });

  it('names the city (Bazhong by default) and its real divisions file when extracted', () => {
    expect(loadConfig({}).city).toEqual({ code: '5119', divisionsPath: undefined });
    const c = loadConfig({ FQ_CITY_CODE: '5117', FQ_CITY_DIVISIONS: '/data/5117/divisions.json' });
    expect(c.city).toEqual({ code: '5117', divisionsPath: '/data/5117/divisions.json' });
  });

  it('uses an external database and brokers when given', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', FQ_KAFKA_BROKERS: 'k1:9092, k2:9092' });
    expect(c.postgres.embedded).toBe(false);
    expect(c.kafka.brokers).toEqual(['k1:9092', 'k2:9092']);
  });

  it.each([
    ['a port out of range', { FQ_API_PORT: '70000' }, 'FQ_API_PORT'],
    ['an unknown mode', { FQ_MODE: 'staging' }, 'FQ_MODE'],
    ['a malformed database url', { DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    ['a city code that is not a 4-digit prefecture', { FQ_CITY_CODE: '511900' }, 'FQ_CITY_CODE'],
  ])('rejects %s, naming the variable', (_title, env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('treats empty variables as unset, so an empty secret is still refused in production', () => {
    expect(loadConfig({ FQ_GEOJSON: '' }).geojsonPath).toBeUndefined();
    expect(() => loadConfig({ FQ_MODE: 'production', FQ_JWT_SECRET: '' })).toThrow(/FQ_JWT_SECRET/);
  });

  it('refuses production mode with default secrets and embedded services', () => {
    expect(() => loadConfig({ FQ_MODE: 'production' })).toThrow(
      /FQ_JWT_SECRET[\s\S]*FQ_MEDIA_SECRET[\s\S]*FQ_PARTY_KEY_SECRET[\s\S]*DATABASE_URL/,
    );
  });

  it('accepts production mode with real secrets and external services', () => {
    const secret = 'x'.repeat(40);
    const c = loadConfig({
      FQ_MODE: 'production',
      FQ_JWT_SECRET: secret,
      FQ_MEDIA_SECRET: `${secret}y`,
      FQ_PARTY_KEY_SECRET: `${secret}z`,
      FQ_AUDIT_SIGNING_KEY: `${secret}a`,
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      FQ_KAFKA_BROKERS: 'kafka:9092',
    });
    expect(c.mode).toBe('production');
    expect(c.partyKeySecret).toBe(`${secret}z`);
  });

  it('refuses production mode with a default or short party-key secret, naming it', () => {
    const base = {
      FQ_MODE: 'production',
      FQ_JWT_SECRET: 'j'.repeat(40),
      FQ_MEDIA_SECRET: 'm'.repeat(40),
      FQ_AUDIT_SIGNING_KEY: 'a'.repeat(40),
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      FQ_KAFKA_BROKERS: 'kafka:9092',
    };
    expect(() => loadConfig(base)).toThrow(/FQ_PARTY_KEY_SECRET/);
    expect(() => loadConfig({ ...base, FQ_PARTY_KEY_SECRET: 'short' })).toThrow(/FQ_PARTY_KEY_SECRET/);
    expect(loadConfig({ ...base, FQ_PARTY_KEY_SECRET: 'p'.repeat(40) }).partyKeySecret).toBe('p'.repeat(40));
  });

  it('refuses the experimental platformatic Kafka client in production mode, allows it elsewhere', () => {
    const ready = {
      FQ_MODE: 'production',
      FQ_JWT_SECRET: 'j'.repeat(40),
      FQ_MEDIA_SECRET: 'm'.repeat(40),
      FQ_PARTY_KEY_SECRET: 'p'.repeat(40),
      FQ_AUDIT_SIGNING_KEY: 'a'.repeat(40),
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      FQ_KAFKA_BROKERS: 'kafka:9092',
    };
    expect(() => loadConfig({ ...ready, FQ_KAFKA_CLIENT: 'platformatic' })).toThrow(/FQ_KAFKA_CLIENT/);
    expect(loadConfig({ FQ_KAFKA_CLIENT: 'platformatic' }).kafka.client).toBe('platformatic');
  });

  it('refuses production mode with the default audit signing key, naming it (issue 17 #7)', () => {
    const ready = {
      FQ_MODE: 'production',
      FQ_JWT_SECRET: 'j'.repeat(40),
      FQ_MEDIA_SECRET: 'm'.repeat(40),
      FQ_PARTY_KEY_SECRET: 'p'.repeat(40),
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      FQ_KAFKA_BROKERS: 'kafka:9092',
    };
    expect(() => loadConfig(ready)).toThrow(/FQ_AUDIT_SIGNING_KEY/);
    expect(loadConfig({ ...ready, FQ_AUDIT_SIGNING_KEY: 'a'.repeat(40) }).api.auditSigningKey).toBe(
      'a'.repeat(40),
    );
  });

  it('trusts loopback proxies outside production, none in production unless listed (issue 17 #6)', () => {
    expect(loadConfig({}).api.trustedProxies).toEqual(['127.0.0.1', '::1']);
    expect(loadConfig({ FQ_TRUSTED_PROXIES: 'none' }).api.trustedProxies).toEqual([]);
    expect(loadConfig({ FQ_TRUSTED_PROXIES: '10.0.0.0/8, 172.16.0.0/12' }).api.trustedProxies).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
    ]);
    expect(() => loadConfig({ FQ_TRUSTED_PROXIES: 'nginx' })).toThrow(/FQ_TRUSTED_PROXIES/);
  });
});
