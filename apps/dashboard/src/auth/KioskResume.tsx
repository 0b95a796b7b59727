import { useEffect, useState, type ReactNode } from 'react';
import { A } from '../admin/admin-strings';
import { resumeDevice, storedDeviceToken } from './device';
import { useSession } from './session';

/** How long an enrolled wall waits before asking again while the API is unreachable (a power cut). */
const RETRY_MS = 5000;

/**
 * In front of the wall: an enrolled display without a session (a reboot, a power cut, a closed
 * browser) signs itself in with its stored device token, retrying while the API is not up yet; a
 * refused token sends it to the enrolment page (auth/device.ts).
 */
export function KioskResume({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const [waiting, setWaiting] = useState(() => session === null && storedDeviceToken() !== null);

  useEffect(() => {
    if (session !== null || storedDeviceToken() === null) {
      setWaiting(false);
      return undefined;
    }
    setWaiting(true);
    let timer = 0;
    let stopped = false;
    const attempt = (): void => {
      void resumeDevice().then((s) => {
        if (stopped || s !== null || storedDeviceToken() === null) return;
        timer = window.setTimeout(attempt, RETRY_MS);
      });
    };
    attempt();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [session]);

  if (waiting && session === null)
    return (
      <main className="login" data-testid="kiosk-resuming">
        <p>{A.resuming}</p>
      </main>
    );
  return <>{children}</>;
}
