import { InvalidTransitionError } from '../errors/domain-error.js';

/** A lifecycle as data: for each state, the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** One move of one thing: what moves (`subject`), from where to where, and why. */
export interface Move<S extends string, Subject> {
  subject: Subject;
  from: S;
  to: S;
  reason?: string;
}

/**
 * `before`: runs after the table allowed the move and before anything is written; throwing a
 * domain error vetoes the move. `after`: runs once the move is written, in the same
 * transaction; throwing undoes the move with everything else.
 */
export type HookPhase = 'before' | 'after';

/** What a lifecycle declares about one hook slot. */
export interface HookSlotSpec<S extends string> {
  phase: HookPhase;
  /** The target states the slot reacts to; every move when left out. */
  on?: readonly S[];
  /** The contexts that fill the slot; the app refuses to start when the hooks it finds differ. */
  filledBy: readonly string[];
  /** What the slot is for, in a line. */
  purpose: string;
}

/** A named place in a lifecycle where another context reacts to a move. */
export class HookSlot<S extends string, Subject> {
  /** Type only: what a hook filling this slot receives. */
  declare readonly move: Move<S, Subject>;

  constructor(
    readonly lifecycle: string,
    readonly name: string,
    readonly spec: HookSlotSpec<S>,
  ) {}

  /** `cohort.completionAllowed`: unique, for registration and messages. */
  get key(): string {
    return `${this.lifecycle}.${this.name}`;
  }

  reactsTo(move: Move<S, Subject>): boolean {
    return !this.spec.on || this.spec.on.includes(move.to);
  }
}

/** What fills a slot: one context's reaction to a move. */
export interface LifecycleHook<S extends string = string, Subject = unknown> {
  run(move: Move<S, Subject>): Promise<void>;
}

export type HookSlots<S extends string, Subject, Names extends string> = { readonly [N in Names]: HookSlot<S, Subject> };

/**
 * A lifecycle: the table of moves and the hook slots other contexts fill. The file that
 * defines a lifecycle lists every slot and who fills it, so reading it shows all that reacts
 * to a move.
 */
export class StateMachine<S extends string, Subject = { id: string }, Names extends string = never> {
  /** Every lifecycle that declares hook slots, for the start-up check that each slot is filled as declared. */
  static readonly withHooks = new Set<StateMachine<string, unknown, string>>();

  readonly hooks: HookSlots<S, Subject, Names>;

  constructor(
    readonly entity: string,
    private readonly table: TransitionTable<S>,
    slots: { readonly [N in Names]: HookSlotSpec<S> } = {} as { [N in Names]: HookSlotSpec<S> },
  ) {
    this.hooks = Object.fromEntries(
      Object.entries<HookSlotSpec<S>>(slots).map(([name, spec]) => [name, new HookSlot<S, Subject>(entity, name, spec)]),
    ) as HookSlots<S, Subject, Names>;
    if (this.slots.length) StateMachine.withHooks.add(this as unknown as StateMachine<string, unknown, string>);
  }

  get states(): S[] {
    return Object.keys(this.table) as S[];
  }

  /** Every hook slot of this lifecycle. */
  get slots(): HookSlot<S, Subject>[] {
    return Object.values(this.hooks);
  }

  allowedFrom(from: S): readonly S[] {
    return this.table[from] ?? [];
  }

  canMove(from: S, to: S): boolean {
    return this.allowedFrom(from).includes(to);
  }

  /** Throws a 409-mapped error naming the allowed moves when `from → to` is not in the table. */
  assertMove(from: S, to: S): void {
    if (!this.canMove(from, to)) throw new InvalidTransitionError(this.entity, from, to, this.allowedFrom(from));
  }

  isFinal(state: S): boolean {
    return this.allowedFrom(state).length === 0;
  }
}

/** Finds the hooks registered for a slot. */
export type HookLookup = (slot: HookSlot<string, unknown>) => readonly LifecycleHook<string, unknown>[];

/**
 * Makes one move: checks the table, runs the `before` hooks (any may veto), writes the move
 * (`apply`), then runs the `after` hooks — all inside `inTransaction`, so a veto writes
 * nothing and a failing after-hook undoes the move.
 */
export async function runMove<S extends string, Subject, Names extends string, R>(
  machine: StateMachine<S, Subject, Names>,
  move: Move<S, Subject>,
  hooksOf: HookLookup,
  apply: () => Promise<R>,
  inTransaction: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<R> {
  machine.assertMove(move.from, move.to);
  const reacting = (phase: HookPhase) =>
    machine.slots.filter((slot) => slot.spec.phase === phase && slot.reactsTo(move)).flatMap((slot) => hooksOf(slot as HookSlot<string, unknown>));
  return inTransaction(async () => {
    for (const hook of reacting('before')) await hook.run(move as Move<string, unknown>);
    const result = await apply();
    for (const hook of reacting('after')) await hook.run(move as Move<string, unknown>);
    return result;
  });
}

/**
 * Compares the hooks found with what the lifecycles declare: a hook for an undeclared slot or
 * from an unlisted context, or a declared filler without a hook, is a problem.
 */
export function slotFillProblems(
  machines: readonly StateMachine<string, unknown, string>[],
  found: readonly { slotKey: string; context: string }[],
): string[] {
  const problems: string[] = [];
  const slots = new Map(machines.flatMap((machine) => machine.slots.map((slot) => [slot.key, slot] as const)));
  for (const { slotKey, context } of found) {
    const slot = slots.get(slotKey);
    if (!slot) problems.push(`a hook from ${context} fills ${slotKey}, which no lifecycle declares`);
    else if (!slot.spec.filledBy.includes(context)) problems.push(`${context} fills ${slotKey}, but the lifecycle lists only ${slot.spec.filledBy.join(', ')}`);
  }
  for (const slot of slots.values()) {
    for (const context of slot.spec.filledBy) {
      if (!found.some((hook) => hook.slotKey === slot.key && hook.context === context)) problems.push(`${slot.key} is to be filled by ${context}, which registered no hook`);
    }
  }
  return problems;
}
