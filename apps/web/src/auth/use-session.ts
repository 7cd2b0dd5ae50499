import { useSyncExternalStore } from 'react';
import { session, type Role, type SessionState, type User } from './session';

export const useSession = (): SessionState => useSyncExternalStore(session.subscribe, session.get);

/** The signed-in person; only for pages behind a signed-in route. */
export function useUser(): User {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser outside a signed-in route');
  return state.user;
}

export const hasRole = (user: User, role: Role): boolean => user.roles.includes(role);
