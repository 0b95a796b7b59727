import { operationsFor } from './role-operations';

const doc = {
  paths: {
    '/api/health': { get: { operationId: 'health.check', 'x-roles': 'public' } },
    '/api/alerts': { get: { operationId: 'alerts.list', 'x-roles': ['wall', 'admin'] } },
    '/api/alerts/{alertId}/acknowledge': {
      post: { operationId: 'alerts.acknowledge', 'x-roles': ['duty-officer', 'admin'] },
    },
  },
};

describe('operations per role', () => {
  it.each([
    ['admin', true, 'all'],
    ['wall', false, ['alerts.list']],
    ['duty-officer', false, ['alerts.acknowledge']],
    ['intake-clerk', false, []],
  ] as const)('%s (everything: %s) → %j', (role, everything, expected) => {
    expect(operationsFor(doc, role, everything)).toEqual(expected);
  });

  it('reads a document without paths as nothing to fuzz', () => {
    expect(operationsFor({}, 'wall', false)).toEqual([]);
  });
});
