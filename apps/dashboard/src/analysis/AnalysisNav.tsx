import { routeAllows } from '@fengqiao/contracts';
import { H } from '../alert-history/history-strings';
import { useSession } from '../auth/session';
import './analysis-nav.css';

const LINKS = [
  ['/analysis', H.navTrends, 'alerts.list'],
  ['/analysis/alerts', H.navHistory, 'alerts.quality'],
  ['/analysis/backtest', H.navBacktest, 'rules.backtest'],
] as const;

/** The analysis screens, each offered to the roles whose route it reads. */
export function AnalysisNav({ current }: { readonly current: string }) {
  const session = useSession();
  const lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? '?lang=en' : '';
  return (
    <nav className="analysis-nav" data-testid="analysis-nav">
      {LINKS.filter(([, , route]) => session !== null && routeAllows(route, session.user.role)).map(
        ([href, label]) => (
          <a key={href} href={`${href}${lang}`} aria-current={href === current ? 'page' : undefined}>
            {label}
          </a>
        ),
      )}
    </nav>
  );
}
