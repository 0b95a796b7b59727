import { useSyncExternalStore } from 'react';
import {
  apiErrorBodySchema,
  tokenPairSchema,
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

/** Sign-in and refresh run before there is a token, so they fetch directly (public routes). */
async function postForTokens(
  id: 'auth.login' | 'auth.refresh',
  body: RouteInput<'auth.login'>['body'] | RouteInput<'auth.refresh'>['body'],
): Promise<Session> {
  const { url, init } = requestOf(id, { body } as never);
  const res = await fetch(url, init);
  if (!res.ok) throw await signInErrorOf(res);
  return fromPair(tokenPairSchema.parse(await res.json()), Date.now());
}

export async function login(username: string, password: string): Promise<Session> {
  const session = await postForTokens('auth.login', { username, password });
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
  refreshing ??= postForTokens('auth.refresh', { refreshToken: s.refreshToken })
    .then((next) => {
      setSession(next);
      return next;
    })
    .catch(() => {
      setSession(null);
      return null;
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
