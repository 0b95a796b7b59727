import { requestOf } from '../api/request';
import { IntakeKey } from './intake-key';

describe('IntakeKey', () => {
  const counter = (): (() => string) => {
    let n = 0;
    return () => `k${++n}`;
  };

  it('re-sends the same key for the same request and a new one when the request changes', () => {
    const k = new IntakeKey(counter());
    const a = { summary: '邻里噪音', parties: [] };
    expect(k.for(a)).toBe('k1');
    expect(k.for({ ...a })).toBe('k1');
    expect(k.for({ ...a, summary: '邻里噪音纠纷' })).toBe('k2');
    expect(k.for(a)).toBe('k3');
  });

  it('makes distinct random keys by default, in the header syntax the API accepts', () => {
    const key = new IntakeKey().for({});
    expect(key).toMatch(/^[\x21-\x7e]{1,128}$/);
    expect(key).not.toBe(new IntakeKey().for({}));
  });
});

describe('requestOf and the Idempotency-Key header', () => {
  it('sends the header only when the caller gives a key', () => {
    const body = {} as never;
    const withKey = requestOf('cases.intake', { body, idempotencyKey: 'abc-1' });
    expect(withKey.init.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': 'abc-1' });
    const without = requestOf('cases.intake', { body });
    expect(without.init.headers).toEqual({ 'content-type': 'application/json' });
  });
});
