import type { Actor } from '../context/request-context.js';
import type { AccessRule, Caller, CallerFact, Condition, RecordKind } from './conditions.js';
import type { ObjectLiteral } from 'typeorm';

/**
 * The rules and the caller-fact loaders every context registered, and the lookups over them.
 * Plain data, no framework: `AccessPolicy` binds it to the request and the database.
 */
export class RuleBook {
  private readonly rules = new Map<string, AccessRule>();
  private readonly loaders = new Map<string, (actor: Actor) => Promise<unknown>>();

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

  /** The caller as rules see it; facts are kept in `cache` (one per request), or looked up each time without one. */
  caller(actor: Actor, cache?: Map<string, Promise<unknown>>): Caller {
    return {
      id: actor.id,
      roles: actor.roles,
      is: (role) => actor.roles.includes(role),
      get: <T>(fact: CallerFact<T>) => this.fact(actor, fact, cache),
    };
  }

  /** The condition on `alias` under which `caller` may do `action` to records of `kind`. */
  async condition<E extends ObjectLiteral, A extends string>(kind: RecordKind<E, A>, action: A, caller: Caller, alias: string): Promise<Condition> {
    const rule = this.rules.get(`${kind.name}.${action}`);
    if (!rule) throw new Error(`No access rule for ${kind.name}.${action}`);
    return rule(caller, alias);
  }

  private fact<T>(actor: Actor, fact: CallerFact<T>, cache: Map<string, Promise<unknown>> | undefined): Promise<T> {
    const load = this.loaders.get(fact.name);
    if (!load) throw new Error(`No provider for the caller fact ${fact.name}`);
    if (!cache) return load(actor) as Promise<T>;
    const key = `${actor.id}:${fact.name}`;
    let value = cache.get(key);
    if (!value) {
      value = load(actor);
      cache.set(key, value);
    }
    return value as Promise<T>;
  }
}
