import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { routeRoles, type UserRole } from '@fengqiao/contracts';
import { A } from '../admin/admin-strings';
import { EnrolPage } from '../auth/EnrolPage';
import { KioskResume } from '../auth/KioskResume';
import { LoginPage } from '../auth/LoginPage';
import { logout, useSession } from '../auth/session';
import { SystemHealthPanel } from '../health/SystemHealthPanel';
import { AppTitle } from '../common/AppTitle';
import { M, S } from '../i18n/strings';
import { R } from '../roster/roster-strings';
import { LiveAlertsProvider } from '../live/LiveAlerts';
import { navigate, useLocation } from './router';
import {
  CASES_ROLES,
  INTAKE_ROLES,
  REPORTS_ROLES,
  ROUTING_ROLES,
  WORKFLOW_LABEL,
  workflowNav,
} from './workflow-nav';

// Each view is its own chunk: the duty console and the login page never download echarts.
const WallPage = lazy(() => import('../wall/WallPage').then((m) => ({ default: m.WallPage })));
const DutyPage = lazy(() => import('../duty/DutyPage').then((m) => ({ default: m.DutyPage })));
const AnalysisPage = lazy(() =>
  import('../analysis/AnalysisPage').then((m) => ({ default: m.AnalysisPage })),
);
const CamerasPage = lazy(() => import('../cameras/CamerasPage').then((m) => ({ default: m.CamerasPage })));
const IntakePage = lazy(() => import('../intake/IntakePage').then((m) => ({ default: m.IntakePage })));
const CasesPage = lazy(() => import('../cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RosterPage = lazy(() => import('../roster/RosterPage').then((m) => ({ default: m.RosterPage })));
const AckLinkPage = lazy(() => import('../roster/AckLinkPage').then((m) => ({ default: m.AckLinkPage })));
const AdminPage = lazy(() => import('../admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const AccountPage = lazy(() => import('../admin/AccountPage').then((m) => ({ default: m.AccountPage })));
/** One's own second factor: every signed-in person but the wall display. */
const TOTP_OWNERS = routeRoles('auth.totp.setup');
/** The administration screen: accounts (account administrator) and wall devices (also the system administrator). */
const ADMIN_SCREEN_ROLES = [
  ...new Set([...routeRoles('users.list'), ...routeRoles('auth.deviceTokens.list')]),
];
const AlertHistoryPage = lazy(() =>
  import('../alert-history/AlertHistoryPage').then((m) => ({ default: m.AlertHistoryPage })),
);
const BacktestPage = lazy(() =>
  import('../alert-history/BacktestPage').then((m) => ({ default: m.BacktestPage })),
);
/** Alert quality (issue 20) and the rule backtest: the roles the route table lets read them. */
const QUALITY_ROLES = routeRoles('alerts.quality');
const BACKTEST_ROLES = routeRoles('rules.backtest');
const RoutingRulesPage = lazy(() =>
  import('../routing/RoutingRulesPage').then((m) => ({ default: m.RoutingRulesPage })),
);

/** The wall and analysis views need the alert list; the duty console the alert transitions. */
const WATCHERS = routeRoles('alerts.list');
const RESPONDERS = routeRoles('alerts.acknowledge');

/** Signed in with an allowed role, or sent to the login page (coming back here afterwards). */
function Guarded({ roles, children }: { readonly roles: readonly UserRole[]; readonly children: ReactNode }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const allowed = session !== null && roles.includes(session.user.role);
  useEffect(() => {
    if (!allowed) navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
  }, [allowed, pathname, search]);
  return allowed ? <Suspense fallback={null}>{children}</Suspense> : null;
}

function Home() {
  const session = useSession();
  return (
    <main className="app">
      <header className="app__header">
        <h1>
          <AppTitle />
        </h1>
        <p>Fengqiao — risk warning and video monitoring command dashboard</p>
        <nav className="app__nav">
          <a href="/wall">{S.navWall}</a>
          <a href="/duty">{S.navDuty}</a>
          {session !== null && RESPONDERS.includes(session.user.role) && <a href="/roster">{R.navRoster}</a>}
          <a href="/analysis">{S.navAnalysis}</a>
          <a href="/cameras">{M.navCameras}</a>
          {workflowNav(session?.user.role).map((href) => (
            <a key={href} href={href}>
              {WORKFLOW_LABEL[href]}
            </a>
          ))}
          {session !== null && ADMIN_SCREEN_ROLES.includes(session.user.role) && (
            <a href="/admin">{A.navAdmin}</a>
          )}
          {session !== null && TOTP_OWNERS.includes(session.user.role) && (
            <a href="/account">{A.navAccount}</a>
          )}
          {session !== null && (
            <button type="button" onClick={logout}>
              {S.logout} ({session.user.displayName})
            </button>
          )}
        </nav>
      </header>
      <SystemHealthPanel />
    </main>
  );
}

export function App() {
  const { pathname, search } = useLocation();
  // A notification's acknowledgement link: signed in first (as the person it was sent to), then here.
  if (pathname.startsWith('/ack/'))
    return (
      <Guarded roles={RESPONDERS}>
        <AckLinkPage token={decodeURIComponent(pathname.slice('/ack/'.length))} />
      </Guarded>
    );
  switch (pathname) {
    case '/login':
      return <LoginPage search={search} />;
    case '/enrol':
      return <EnrolPage search={search} />;
    case '/admin':
      return (
        <Guarded roles={ADMIN_SCREEN_ROLES}>
          <AdminPage />
        </Guarded>
      );
    case '/account':
      return (
        <Guarded roles={TOTP_OWNERS}>
          <AccountPage />
        </Guarded>
      );
    case '/wall':
      // An enrolled display signs itself in again with its device token (issue 16).
      return (
        <KioskResume>
          <Guarded roles={WATCHERS}>
            <LiveAlertsProvider>
              <WallPage />
            </LiveAlertsProvider>
          </Guarded>
        </KioskResume>
      );
    case '/roster':
      return (
        <Guarded roles={RESPONDERS}>
          <RosterPage />
        </Guarded>
      );
    case '/duty':
      return (
        <Guarded roles={RESPONDERS}>
          <LiveAlertsProvider>
            <DutyPage />
          </LiveAlertsProvider>
        </Guarded>
      );
    case '/analysis':
      return (
        <Guarded roles={WATCHERS}>
          <AnalysisPage search={search} />
        </Guarded>
      );
    case '/analysis/alerts':
      return (
        <Guarded roles={QUALITY_ROLES}>
          <AlertHistoryPage search={search} />
        </Guarded>
      );
    case '/analysis/backtest':
      return (
        <Guarded roles={BACKTEST_ROLES}>
          <BacktestPage />
        </Guarded>
      );
    case '/cameras':
      // Registry and status for every watcher; the live view's play grant is the API's decision.
      return (
        <Guarded roles={WATCHERS}>
          <CamerasPage search={search} />
        </Guarded>
      );
    case '/intake':
      return (
        <Guarded roles={INTAKE_ROLES}>
          <IntakePage />
        </Guarded>
      );
    case '/cases':
      return (
        <Guarded roles={CASES_ROLES}>
          <CasesPage search={search} />
        </Guarded>
      );
    case '/reports':
      return (
        <Guarded roles={REPORTS_ROLES}>
          <ReportsPage search={search} />
        </Guarded>
      );
    case '/routing':
      return (
        <Guarded roles={ROUTING_ROLES}>
          <RoutingRulesPage />
        </Guarded>
      );
    default:
      return <Home />;
  }
}
