import { InvalidTransitionError } from '../errors/domain-error.js';

/** A lifecycle as data: for each state, the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export class StateMachine<S extends string> {
  constructor(
    readonly entity: string,
    private readonly table: TransitionTable<S>,
  ) {}

  get states(): S[] {
    return Object.keys(this.table) as S[];
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
