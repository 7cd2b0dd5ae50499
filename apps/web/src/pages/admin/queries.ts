import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';

export type User = Schemas['UserView'];
export type UserStatus = User['status'];
export type Role = User['roles'][number];
export type ConsentPurpose = Schemas['ConsentPurposeView'];

export const ROLES: readonly Role[] = ['admin', 'programme_manager', 'department_member', 'reviewer', 'entrepreneur'];
export const USER_STATUSES: readonly UserStatus[] = ['active', 'deactivated', 'erased'];

export const keys = {
  users: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'users', id] as const,
  consentPurposes: ['admin', 'consent-purposes'] as const,
  audit: ['admin', 'audit'] as const,
};

export const fetchUsers = async (query: { cursor?: string; limit?: number; role?: Role; status?: UserStatus; q?: string }) =>
  unwrap(await api.GET('/api/users', { params: { query } }));
