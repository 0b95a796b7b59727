import { workflowNav } from './workflow-nav';

describe('workflowNav', () => {
  it('offers the routing table to administrators only', () => {
    expect(workflowNav('admin')).toEqual(['/intake', '/cases', '/reports', '/routing']);
    expect(workflowNav('intake-clerk')).toEqual(['/intake', '/cases']);
    expect(workflowNav('duty-officer')).not.toContain('/routing');
  });

  it('offers nothing before sign-in', () => {
    expect(workflowNav(undefined)).toEqual([]);
  });
});
