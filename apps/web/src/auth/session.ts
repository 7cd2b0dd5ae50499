import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type User = Schemas['UserView'];
export type Role = User['roles'][number];
export type SessionState = { status: 'restoring' } | { status: 'signed-out'; ended?: boolean } | { status: 'signed-in'; user: User };

/** Asks the API to put the refresh token in an HttpOnly cookie instead of the body. */
const COOKIE_DELIVERY = { 'X-Refresh-Token-Delivery': 'cookie' } as const;
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_SECONDS = 60;

// The access token lives in this module's memory only: never in storage a script could read later.
let accessToken: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function clear(ended: boolean): void {
  accessToken = undefined;
  clearTimeout(refreshTimer);
  setState({ status: 'signed-out', ended });
}

async function adopt(tokens: Schemas['TokenPairView']): Promise<void> {
  accessToken = tokens.accessToken;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refresh(), Math.max(tokens.expiresIn - REFRESH_MARGIN_SECONDS, 10) * 1000);
  if (state.status !== 'signed-in') setState({ status: 'signed-in', user: unwrap(await api.GET('/api/me')) });
}

let refreshing: Promise<boolean> | undefined;
/**
 * One refresh at a time, across tabs too (Web Locks): each refresh token works once, and a
 * second use of a spent one ends the whole login.
 */
function refresh(): Promise<boolean> {
  const exchange = async (): Promise<boolean> => {
    const { data } = await api.POST('/api/auth/refresh', { body: {}, headers: COOKIE_DELIVERY });
    if (!data) {
      clear(state.status === 'signed-in');
      return false;
    }
    await adopt(data);
    return true;
  };
  refreshing ??= (navigator.locks ? navigator.locks.request('samverka-refresh', exchange) : exchange()).finally(() => (refreshing = undefined));
  return refreshing;
}

/** A 401 about the token itself; others (a wrong password when erasing the account) are answers to show. */
const tokenRefused = async (response: Response): Promise<boolean> =>
  response.status === 401 && ((await response.clone().json().catch(() => ({}))) as { code?: string }).code === 'unauthenticated';

// Every API call carries the token; a 401 on an expired one is refreshed and retried once.
const pending = new Map<string, Request>();
api.use({
  onRequest({ request, schemaPath, id }) {
    if (!accessToken || schemaPath.startsWith('/api/auth/')) return request;
    request.headers.set('Authorization', `Bearer ${accessToken}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const retry = pending.get(id);
    pending.delete(id);
    if (!retry || !(await tokenRefused(response)) || !(await refresh())) return response;
    retry.headers.set('Authorization', `Bearer ${accessToken}`);
    // The body as bytes: Chromium leaves a request whose body is a cloned stream hanging.
    const body = retry.method === 'GET' || retry.method === 'HEAD' ? undefined : await retry.arrayBuffer();
    return fetch(retry.url, { method: retry.method, headers: retry.headers, body, credentials: retry.credentials });
  },
});

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): SessionState => state,

  /** On start: a reload keeps you signed in through the refresh cookie. */
  async restore(): Promise<void> {
    try {
      if (!(await refresh())) clear(false);
    } catch {
      clear(false);
    }
  },

  async login(email: string, password: string): Promise<void> {
    await adopt(unwrap(await api.POST('/api/auth/login', { body: { email, password }, headers: COOKIE_DELIVERY })));
  },

  async acceptInvitation(body: Schemas['AcceptInvitationDto']): Promise<void> {
    await adopt(unwrap(await api.POST('/api/auth/accept-invitation', { body, headers: COOKIE_DELIVERY })));
  },

  async reloadUser(): Promise<void> {
    if (state.status === 'signed-in') setState({ status: 'signed-in', user: unwrap(await api.GET('/api/me')) });
  },

  /** Ends the login on the server (which clears the cookie), then here. */
  async logout(): Promise<void> {
    await api.POST('/api/auth/logout', { body: {} }).catch(() => undefined);
    clear(false);
  },
};
