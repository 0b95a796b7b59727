import { type ReactNode } from 'react';
import { WORKFLOW_LABEL, workflowNav } from '../app/workflow-nav';
import { useSession } from '../auth/session';
import { AppTitle } from '../common/AppTitle';
import { S } from '../i18n/strings';

/** Title and the workflow views this role may open, so a clerk moves between them without the mouse. */
export function WorkflowHeader({
  title,
  children,
}: {
  readonly title: string;
  readonly children?: ReactNode;
}) {
  const session = useSession();
  return (
    <header className="wf-page__header">
      <h1>{title}</h1>
      <nav className="wf-nav" aria-label={S.appTitle}>
        <a href="/">
          <AppTitle />
        </a>
        {workflowNav(session?.user.role).map((href) => (
          <a key={href} href={href} aria-current={window.location.pathname === href ? 'page' : undefined}>
            {WORKFLOW_LABEL[href]}
          </a>
        ))}
      </nav>
      {children}
    </header>
  );
}
