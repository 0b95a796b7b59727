import { ROUTE_IDS, routeAllows, routeSpec } from './route-table';

// Separation of duties as MLPS level 3 expects (issue 16), read off the route table that the API's
// guard enforces (its authorization-matrix int spec probes every cell against the real API).
const allowedFor = (role: Parameters<typeof routeAllows>[1]): string[] =>
  ROUTE_IDS.filter((id) => routeSpec(id).access !== 'public' && routeAllows(id, role));

describe('separation of duties in the route table', () => {
  it('the account administrator reads no case (parties included) and changes no rule', () => {
    const routes = allowedFor('account-admin');
    expect(
      routes.filter((id) => /^(cases|rules|routing|silences|alerts|reports|trends|kpis)\./.test(id)),
    ).toEqual([]);
    expect(routes).toEqual(
      expect.arrayContaining(['users.list', 'users.create', 'users.update', 'auth.deviceTokens.create']),
    );
  });

  it('the auditor reads the audit log and nothing else (besides its own session and second factor)', () => {
    expect(allowedFor('auditor').sort()).toEqual(
      [
        'audit.list',
        'audit.verify',
        'auth.me',
        'auth.totp.confirm',
        'auth.totp.disable',
        'auth.totp.setup',
      ].sort(),
    );
  });

  it('only the account administrator manages accounts, only the auditor lists the audit log', () => {
    for (const id of ROUTE_IDS.filter((r) => r.startsWith('users.')))
      expect([id, routeSpec(id).access]).toEqual([id, ['account-admin']]);
    expect(routeSpec('audit.list').access).toEqual(['auditor']);
  });

  // Besides cases: the active routing table (city configuration the case screen shows) and the regions.
  it('the grid worker works cases only', () => {
    expect(
      allowedFor('grid-worker')
        .filter((id) => !id.startsWith('cases.'))
        .sort(),
    ).toEqual(
      [
        'auth.me',
        'auth.totp.confirm',
        'auth.totp.disable',
        'auth.totp.setup',
        'regions.children',
        'routing.active',
      ].sort(),
    );
    expect(routeAllows('cases.reveal', 'grid-worker')).toBe(false);
    expect(routeAllows('cases.intake', 'grid-worker')).toBe(false);
  });
});
