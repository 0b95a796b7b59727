import { type UserRole } from '@fengqiao/contracts';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly regions: readonly string[];
}

/**
 * Development-only accounts, one per role (the seed refuses production mode). The passwords are
 * public by design: they are printed by the start command.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'wall', password: 'wall-demo-2026', displayName: '指挥大厅大屏', role: 'wall', regions: [] },
  {
    username: 'officer',
    password: 'officer-demo-2026',
    displayName: '市级值班员',
    role: 'duty-officer',
    regions: [],
  },
  {
    username: 'officer-bazhou',
    password: 'officer-demo-2026',
    displayName: '巴州区值班员',
    role: 'duty-officer',
    regions: ['511902'],
  },
  {
    username: 'analyst',
    password: 'analyst-demo-2026',
    displayName: '研判分析员',
    role: 'analyst',
    regions: [],
  },
  {
    username: 'clerk',
    password: 'clerk-demo-2026',
    displayName: '窗口受理员',
    role: 'intake-clerk',
    regions: [],
  },
  { username: 'admin', password: 'admin-demo-2026', displayName: '系统管理员', role: 'admin', regions: [] },
  {
    username: 'grid',
    password: 'grid-demo-2026',
    displayName: '东城网格员',
    role: 'grid-worker',
    regions: ['511902001001001'],
  },
  {
    username: 'auditor',
    password: 'auditor-demo-2026',
    displayName: '安全审计员',
    role: 'auditor',
    regions: [],
  },
  {
    username: 'accounts',
    password: 'accounts-demo-2026',
    displayName: '账号管理员',
    role: 'account-admin',
    regions: [],
  },
];

/** The lines the start command prints, one per demo user. */
export function demoUserLines(): string[] {
  return DEMO_USERS.map(
    (u) =>
      `  ${u.role.padEnd(13)} ${u.username.padEnd(15)} / ${u.password}${u.regions.length > 0 ? `  (regions ${u.regions.join(',')})` : ''}`,
  );
}
