import { useEffect, useState } from 'react';
import { fetchHealth, type HealthView } from './fetch-health';

const REFRESH_MS = 5000;

export function SystemHealthPanel() {
  const [health, setHealth] = useState<HealthView>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const load = (): void => {
      void fetchHealth(controller.signal).then(setHealth);
    };
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, []);

  if (health.kind === 'loading') return <section className="health">Checking the system…</section>;
  if (health.kind === 'unreachable') {
    return (
      <section className="health health--down" role="alert">
        API unreachable: {health.reason}
      </section>
    );
  }
  return (
    <section className="health" aria-label="system health">
      <h2>System {health.status === 'ok' ? 'healthy' : 'degraded'}</h2>
      <ul>
        {health.components.map((c) => (
          <li key={c.name} className={c.ok ? 'health__ok' : 'health__bad'} data-testid={`health-${c.name}`}>
            {c.ok ? '●' : '✖'} {c.name} <span>{c.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
