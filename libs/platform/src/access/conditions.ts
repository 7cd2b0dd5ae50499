import type { ObjectLiteral } from 'typeorm';
import type { Role } from '../context/request-context.js';

/** A piece of SQL that holds for the records the caller may reach; `:callerId` is always bound. */
export interface Condition {
  sql: string;
  params?: Record<string, unknown>;
}

export const ALLOW: Condition = { sql: 'TRUE' };
export const DENY: Condition = { sql: 'FALSE' };

/** Holds when any of the conditions holds (none: nothing). */
export function anyOf(...conditions: Condition[]): Condition {
  const live = conditions.filter((c) => c.sql !== DENY.sql);
  if (live.some((c) => c.sql === ALLOW.sql)) return ALLOW;
  if (!live.length) return DENY;
  return { sql: `(${live.map((c) => `(${c.sql})`).join(' OR ')})`, params: Object.assign({}, ...live.map((c) => c.params ?? {})) };
}

/** Holds when every condition holds. */
export function allOf(...conditions: Condition[]): Condition {
  if (conditions.some((c) => c.sql === DENY.sql)) return DENY;
  const live = conditions.filter((c) => c.sql !== ALLOW.sql);
  if (!live.length) return ALLOW;
  return { sql: `(${live.map((c) => `(${c.sql})`).join(' AND ')})`, params: Object.assign({}, ...live.map((c) => c.params ?? {})) };
}

/**
 * Something about the caller that rules need, e.g. the programmes they manage or the departments
 * they belong to. The context that owns it provides the loader; the policy loads it at most once
 * per request.
 */
export class CallerFact<T> {
  declare readonly type?: T;
  constructor(readonly name: string) {}
}

/** The caller as rules see it: who, which roles, and their facts (looked up once per request). */
export interface Caller {
  id: string;
  roles: readonly Role[];
  is(role: Role): boolean;
  get<T>(fact: CallerFact<T>): Promise<T>;
}

/**
 * A kind of record the policy guards: its name, the entity that `require` loads (alias `x`), and,
 * as a type, the actions a rule must answer for it.
 */
export class RecordKind<E extends ObjectLiteral, A extends string> {
  declare readonly actions?: A;
  constructor(
    readonly name: string,
    readonly entity: new () => E,
  ) {}
}

/** Which records of a kind the caller may act on, as a condition on the record's alias. */
export type AccessRule = (caller: Caller, alias: string) => Condition | Promise<Condition>;
