import { tokenPairSchema } from '@fengqiao/contracts';
import { requestOf } from '../api/request';
import { navigate } from '../app/router';
import { adoptTokens, setSessionFallback, SignInError, type Session } from './session';

/**
 * A kiosk wall's device token (issue 16), in localStorage: it survives a reboot or a power cut (the
 * session itself stays in sessionStorage), so the wall signs itself in again without a keyboard.
 * Only the wall keeps one; the token signs in as a wall user (masked data only, no free text).
 */
const KEY = 'fq.device';

export function storedDeviceToken(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetDevice(): void {
  window.localStorage.removeItem(KEY);
}

/** Exchanges a device token for a session; SignInError(401) when it is unknown, revoked or expired. */
export async function exchangeDeviceToken(deviceToken: string): Promise<Session> {
  const { url, init } = requestOf('auth.device', { body: { deviceToken } });
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new SignInError(0, undefined);
  }
  if (!res.ok) throw new SignInError(res.status, undefined);
  return adoptTokens(tokenPairSchema.parse(await res.json()));
}

/** Enrols this display: the token works, so it is kept for every later start. */
export async function enrol(deviceToken: string): Promise<Session> {
  const session = await exchangeDeviceToken(deviceToken);
  window.localStorage.setItem(KEY, deviceToken);
  return session;
}

/**
 * Signs in again with the stored token. A refused token (revoked, expired) is forgotten and the
 * display goes to its enrolment page; an unreachable API leaves it stored (the next try may work).
 */
export async function resumeDevice(): Promise<Session | null> {
  const token = storedDeviceToken();
  if (token === null) return null;
  try {
    return await exchangeDeviceToken(token);
  } catch (err) {
    if (err instanceof SignInError && (err.status === 401 || err.status === 400)) {
      forgetDevice();
      navigate('/enrol?revoked=1', { replace: true });
    }
    return null;
  }
}

setSessionFallback(resumeDevice);
