import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CurrentActor } from '../context/actor.js';
import type { Actor, RequestStore, Role } from '../context/request-context.js';
import { NotFoundError } from '../errors/domain-error.js';

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

type Lock = 'pessimistic_read' | 'pessimistic_write';

const FACTS = 'accessFacts';
interface FactStore extends RequestStore {
  [FACTS]?: Map<string, Promise<unknown>>;
}

/**
 * The one access policy. Each context defines the rules for its own kinds of record and
 * provides the caller facts it owns (like the personal-data registry, through DI); services
 * then ask two questions only: may the caller do this to these records (`require`: 404 when
 * not, so existence is not revealed), and which records of a query may they see (`filter`,
 * a `WHERE` in SQL, so lists stay paged in the database). An action without a rule refuses
 * to run: access is never granted by omission.
 */
@Injectable()
export class AccessPolicy {
  private readonly rules = new Map<string, AccessRule>();
  private readonly loaders = new Map<string, (actor: Actor) => Promise<unknown>>();

  constructor(
    private readonly actor: CurrentActor,
    private readonly cls: ClsService<FactStore>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Registers the rules for one kind of record, one per action. */
  define<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, rules: Record<A, AccessRule>): void {
    for (const [action, rule] of Object.entries(rules) as [string, AccessRule][]) {
      const key = `${kind.name}.${action}`;
      if (this.rules.has(key)) throw new Error(`Two access rules for ${key}`);
      this.rules.set(key, rule);
    }
  }

  /** Registers how a caller fact is looked up. */
  provide<T>(fact: CallerFact<T>, load: (actor: Actor) => Promise<T>): void {
    if (this.loaders.has(fact.name)) throw new Error(`Two providers for the caller fact ${fact.name}`);
    this.loaders.set(fact.name, load);
  }

  /** The caller of this request, with their facts cached on the request context. */
  caller(): Caller {
    const actor = this.actor.required;
    return {
      id: actor.id,
      roles: actor.roles,
      is: (role) => actor.roles.includes(role),
      get: <T>(fact: CallerFact<T>) => this.fact(actor, fact),
    };
  }

  /** The condition on `alias` under which the caller may do `action` to records of `kind`. */
  async condition<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, alias: string): Promise<Condition> {
    const rule = this.rules.get(`${kind.name}.${action}`);
    if (!rule) throw new Error(`No access rule for ${kind.name}.${action}`);
    return rule(this.caller(), alias);
  }

  /** Narrows a query to the records the caller may `action`; `alias` defaults to the query's main alias. */
  async filter<Q extends SelectQueryBuilder<ObjectLiteral>, E extends ObjectLiteral, A extends string>(query: Q, kind: RecordKind<E, A>, action: A, alias = query.alias): Promise<Q> {
    const condition = await this.condition(kind, action, alias);
    if (condition.sql === ALLOW.sql) return query;
    query.andWhere(condition.sql, { ...condition.params, callerId: this.actor.required.id });
    return query;
  }

  /** The record, if the caller may `action` it; else `NotFoundError`, as for an id that does not exist. */
  async require<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, id: string, options: { lock?: Lock } = {}): Promise<E> {
    const query = await this.filter(this.txHost.tx.getRepository(kind.entity).createQueryBuilder('x').where('x.id = :id', { id }), kind, action);
    if (options.lock) query.setLock(options.lock);
    const found = await query.getOne();
    if (!found) throw new NotFoundError(kind.entity.name, id);
    return found;
  }

  /** Every one of the records, if the caller may `action` them all; else `NotFoundError` naming the first missing. */
  async requireAll<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, ids: readonly string[]): Promise<E[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const query = this.txHost.tx.getRepository(kind.entity).createQueryBuilder('x').where('x.id IN (:...ids)', { ids: unique });
    const found = await (await this.filter(query, kind, action)).getMany();
    const seen = new Set(found.map((row) => (row as unknown as { id: string }).id));
    const missing = unique.find((id) => !seen.has(id));
    if (missing) throw new NotFoundError(kind.entity.name, missing);
    return found;
  }

  /** Whether the caller may `action` the record (for a choice, not a gate: use `require` to gate). */
  async allows<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, id: string): Promise<boolean> {
    const query = this.txHost.tx.getRepository(kind.entity).createQueryBuilder('x').where('x.id = :id', { id });
    return (await this.filter(query, kind, action)).getExists();
  }

  private fact<T>(actor: Actor, fact: CallerFact<T>): Promise<T> {
    const load = this.loaders.get(fact.name);
    if (!load) throw new Error(`No provider for the caller fact ${fact.name}`);
    if (!this.cls.isActive()) return load(actor) as Promise<T>;
    let cache = this.cls.get(FACTS);
    if (!cache) {
      cache = new Map();
      this.cls.set(FACTS, cache);
    }
    const key = `${actor.id}:${fact.name}`;
    let value = cache.get(key);
    if (!value) {
      value = load(actor);
      cache.set(key, value);
    }
    return value as Promise<T>;
  }
}
