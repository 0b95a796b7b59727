import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { CITY_ROOM, LIVE_ALERT_ROLES, roomsForAlert, roomsForUser } from './live-rooms';

const user = (role: AuthUser['role'], regions: string[]): AuthUser => ({
  userId: 'u',
  username: 'u',
  role,
  regions,
  expiresAt: 0,
});

describe('live rooms and regional scope', () => {
  it.each([
    ['a city wall', user('wall', []), ['role:wall', CITY_ROOM]],
    ['a county officer', user('duty-officer', ['511902']), ['role:duty-officer', 'region:511902']],
    [
      'a township officer',
      user('duty-officer', ['511902001', '511902002']),
      ['role:duty-officer', 'region:511902001', 'region:511902002'],
    ],
  ])('puts %s in its rooms', (_t, u, rooms) => {
    expect(roomsForUser(u)).toEqual(rooms);
  });

  it('sends an alert to the city, its county and its township', () => {
    expect(roomsForAlert({ region: { county: '511902', township: '511902001' } })).toEqual([
      CITY_ROOM,
      'region:511902',
      'region:511902001',
    ]);
  });

  it('agrees with the REST scope check: a user gets an alert live iff they may read it', () => {
    const alerts = [
      { county: '511902', township: '511902001' },
      { county: '511921', township: '511921001' },
      { county: '511902' },
    ];
    const users = [
      user('wall', []),
      user('duty-officer', ['511902']),
      user('duty-officer', ['511902001']),
      user('wall', ['511921001']),
    ];
    for (const u of users) {
      for (const a of alerts) {
        const live = roomsForUser(u).some((r) => roomsForAlert({ region: a }).includes(r));
        expect(live).toBe(inScope(u.regions, a));
      }
    }
  });

  it('streams alerts to exactly the roles that may list them', () => {
    expect([...LIVE_ALERT_ROLES].sort()).toEqual(['admin', 'analyst', 'duty-officer', 'wall']);
  });
});
