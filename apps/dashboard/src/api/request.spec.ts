import { requestOf } from './request';

describe('requestOf: a call built from the route table', () => {
  it('fills the path params, URI-encoded, and sends a POST body as JSON', () => {
    const { url, init } = requestOf('alerts.acknowledge', {
      params: { alertId: 'a/b' },
      body: { version: 3, note: 'on it' },
    });
    expect(url).toBe('/api/alerts/a%2Fb/acknowledge');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"version":3,"note":"on it"}');
  });

  it('appends only the defined query values to a GET', () => {
    const { url, init } = requestOf('cameras.search', {
      query: { township: '511902001', limit: 6, after: undefined },
    });
    expect(url).toBe('/api/cameras?township=511902001&limit=6');
    expect(init.method).toBeUndefined();
  });

  it('sends {} for a POST without a body (rules.activate)', () => {
    expect(requestOf('rules.activate', { params: { version: 2 } }).init.body).toBe('{}');
  });
});
