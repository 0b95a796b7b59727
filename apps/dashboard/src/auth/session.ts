import { useSyncExternalStore } from 'react';
import {
  apiErrorBodySchema,
  loginAnswerSchema,
  tokenPairSchema,
  type LoginChallenge,
  type RouteInput,
  type SessionUser,
  type TokenPair,
} from '@fengqiao/contracts';
import { requestOf } from '../api/request';

/** A signed-in session. Kept in sessionStorage: a reload keeps it, closing the tab forgets it. */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms at which the access token expires. */
  readonly accessExpiresAt: number;
  readonly user: SessionUser;
}

const KEY = 'fq.session';
/** Refresh this long before expiry, so no request or handshake carries a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

const listeners = new Set<() => void>();
let current: Session | null = readStored();
let refreshing: Promise<Session | null> | null = null;
/**
 * What to try when the session cannot be refreshed: a kiosk wall signs in again with its stored
 * device token (auth/device.ts sets it), and drops to its enrolment page when that is refused.
 */
let fallback: (() => Promise<Session | null>) | null = null;

export function setSessionFallback(f: (() => Promise<Session | null>) | null): void {
  fallback = f;
}

function readStored(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw === null ? null : (JSON.parse(raw) as Session);
  } catch {
    return null;
  }
}

function setSession(next: Session | null): void {
  current = next;
  if (next === null) window.sessionStorage.removeItem(KEY);
  else window.sessionStorage.setItem(KEY, JSON.stringify(next));
  for (const l of listeners) l();
}

function fromPair(pair: TokenPair, now: number): Session {
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: now + pair.expiresIn * 1000,
    user: pair.user,
  };
}

/** A refused sign-in; `retryAfter` (seconds) when the server says how long to wait (issue 17 #6). */
export class SignInError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

async function signInErrorOf(res: Response): Promise<SignInError> {
  const body = apiErrorBodySchema.safeParse(await res.json().catch(() => null));
  const header = Number(res.headers.get('retry-after'));
  const retryAfter = body.success ? body.data.retryAfter : undefined;
  return new SignInError(res.status, retryAfter ?? (header > 0 ? header : undefined));
}

/** A refresh runs before there is a valid token, so it fetches directly (a public route). */
async function refreshTokens(body: RouteInput<'auth.refresh'>['body']): Promise<Session> {
  const { url, init } = requestOf('auth.refresh', { body });
  const res = await fetch(url, init);
  if (!res.ok) throw await signInErrorOf(res);
  return fromPair(tokenPairSchema.parse(await res.json()), Date.now());
}

/** A sign-in's outcome: a session (with recovery codes after an enrolment), or the next step. */
export type SignInResult =
  | { readonly kind: 'session'; readonly session: Session; readonly recoveryCodes?: readonly string[] }
  | { readonly kind: 'step'; readonly challenge: LoginChallenge };

type StepId = 'auth.login' | 'auth.login.password' | 'auth.login.totp';

/** One sign-in step (password, then perhaps a new password and the second factor: issue 16). */
export async function signInStep<Id extends StepId>(
  id: Id,
  body: RouteInput<Id>['body'],
): Promise<SignInResult> {
  // The step's body type follows its route (the caller's argument is checked against it).
  const { url, init } = requestOf<Id>(id, { body } as RouteInput<Id>);
  const res = await fetch(url, init);
  if (!res.ok) throw await signInErrorOf(res);
  const answer = loginAnswerSchema.parse(await res.json());
  if ('next' in answer) return { kind: 'step', challenge: answer };
  const session = adoptTokens(answer);
  return answer.recoveryCodes === undefined
    ? { kind: 'session', session }
    : { kind: 'session', session, recoveryCodes: answer.recoveryCodes };
}

export function login(username: string, password: string): Promise<SignInResult> {
  return signInStep('auth.login', { username, password });
}

/** Tokens from a sign-in (or a device token's exchange) become the session. */
export function adoptTokens(pair: TokenPair): Session {
  const session = fromPair(pair, Date.now());
  setSession(session);
  return session;
}

export function logout(): void {
  const s = current;
  setSession(null);
  if (s !== null) {
    const { url, init } = requestOf('auth.logout', { body: { refreshToken: s.refreshToken } });
    void fetch(url, init).catch(() => undefined);
  }
}

/** Rotates the refresh token once, however many callers ask at the same moment. */
export function refreshSession(): Promise<Session | null> {
  const s = current;
  if (s === null) return Promise.resolve(null);
  refreshing ??= refreshTokens({ refreshToken: s.refreshToken })
    .then((next) => {
      setSession(next);
      return next;
    })
    .catch(async () => {
      const recovered = fallback === null ? null : await fallback();
      setSession(recovered);
      return recovered;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A token good for the next half minute, refreshing first if needed; null when signed out. */
export async function validAccessToken(): Promise<string | null> {
  const s = current;
  if (s === null) return null;
  if (s.accessExpiresAt - Date.now() > REFRESH_MARGIN_MS) return s.accessToken;
  return (await refreshSession())?.accessToken ?? null;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, () => current);
}
