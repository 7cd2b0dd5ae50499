import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CurrentActor } from '../context/actor.js';
import type { Actor, RequestStore } from '../context/request-context.js';
import { entitySelectList, queryNamed } from '../database/rows.js';
import { NotFoundError } from '../errors/domain-error.js';
import { ALLOW, type AccessRule, type Caller, type CallerFact, type Condition, type RecordKind } from './conditions.js';
import { RuleBook } from './rule-book.js';

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
  private readonly book = new RuleBook();
  private readonly selects = new Map<new () => ObjectLiteral, string | null>();

  constructor(
    private readonly actor: CurrentActor,
    private readonly cls: ClsService<FactStore>,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  /** Registers the rules for one kind of record, one per action (each context, for its own kinds). */
  define<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, rules: Record<A, AccessRule>): void {
    this.book.define(kind, rules);
  }

  /** Registers how a caller fact is looked up (by the context that owns it). */
  provide<T>(fact: CallerFact<T>, load: (actor: Actor) => Promise<T>): void {
    this.book.provide(fact, load);
  }

  /** The caller of this request, with their facts cached on the request context. */
  caller(): Caller {
    return this.book.caller(this.actor.required, this.factCache());
  }

  /** The condition on `alias` under which the caller may do `action` to records of `kind`. */
  condition<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, alias: string): Promise<Condition> {
    return this.book.condition(kind, action, this.caller(), alias);
  }

  /** `condition` with `:callerId` bound: the WHERE for SQL written out by hand (see `paginateRows`). */
  async where<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, alias: string): Promise<Condition> {
    const condition = await this.condition(kind, action, alias);
    return condition.sql === ALLOW.sql ? ALLOW : { sql: condition.sql, params: { ...condition.params, callerId: this.actor.required.id } };
  }

  /** Narrows a query to the records the caller may `action`; `alias` defaults to the query's main alias. */
  async filter<Q extends SelectQueryBuilder<ObjectLiteral>, E extends ObjectLiteral, A extends string>(query: Q, kind: RecordKind<E, A>, action: A, alias = query.alias): Promise<Q> {
    const condition = await this.where(kind, action, alias);
    if (condition.sql !== ALLOW.sql) query.andWhere(condition.sql, condition.params);
    return query;
  }

  /** The record, if the caller may `action` it; else `NotFoundError`, as for an id that does not exist. */
  async require<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, id: string, options: { lock?: Lock } = {}): Promise<E> {
    const byHand = options.lock ? null : this.selectById(kind.entity);
    let found: E | null;
    if (byHand) {
      const condition = await this.where(kind, action, 'x');
      const [row] = await queryNamed<E>(this.txHost.tx, `${byHand} AND (${condition.sql})`, { ...condition.params, id });
      found = row ? Object.assign(new kind.entity(), row) : null;
    } else {
      const query = await this.filter(this.txHost.tx.getRepository(kind.entity).createQueryBuilder('x').where('x.id = :id', { id }), kind, action);
      if (options.lock) query.setLock(options.lock);
      found = await query.getOne();
    }
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

  /**
   * The entity's SELECT by id written out once, for `require` without a lock (null: TypeORM loads
   * it). Nearly every request with an id runs that check, and TypeORM's SQL building and
   * hydration were a measurable part of its CPU (bench:api).
   */
  private selectById(entity: new () => ObjectLiteral): string | null {
    if (!this.selects.has(entity)) {
      const metadata = this.txHost.tx.connection.getMetadata(entity);
      const columns = entitySelectList(metadata, 'x');
      this.selects.set(entity, columns && `SELECT ${columns} FROM ${metadata.tablePath} x WHERE x.id = :id`);
    }
    return this.selects.get(entity)!;
  }

  private factCache(): Map<string, Promise<unknown>> | undefined {
    if (!this.cls.isActive()) return undefined;
    let cache = this.cls.get(FACTS);
    if (!cache) {
      cache = new Map();
      this.cls.set(FACTS, cache);
    }
    return cache;
  }
}
