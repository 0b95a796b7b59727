import { routeRoles } from '@fengqiao/contracts';
import { useSession } from '../auth/session';
import { WorkflowHeader } from '../cases/WorkflowHeader';
import { A } from './admin-strings';
import { DevicesPanel } from './DevicesPanel';
import { UsersPanel } from './UsersPanel';
import '../cases/workflow.css';
import './admin.css';

/** Who sees which part of the screen: whom the route table lets call it. */
export const USERS_ROLES = routeRoles('users.list');
export const DEVICES_ROLES = routeRoles('auth.deviceTokens.list');

/** Accounts and wall devices (issue 16): the account administrator's screen; devices also the system administrator's. */
export function AdminPage() {
  const role = useSession()?.user.role;
  return (
    <main className="wf-page admin-page">
      <WorkflowHeader title={A.adminTitle} />
      {role !== undefined && USERS_ROLES.includes(role) && <UsersPanel />}
      {role !== undefined && DEVICES_ROLES.includes(role) && <DevicesPanel />}
    </main>
  );
}
