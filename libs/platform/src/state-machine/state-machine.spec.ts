import fc from 'fast-check';
import { InvalidTransitionError } from '../errors/domain-error.js';
import { StateMachine } from './state-machine.js';

type CohortState = 'planning' | 'open' | 'selecting' | 'running' | 'completed' | 'archived';
const cohort = new StateMachine<CohortState>('cohort', {
  planning: ['open', 'archived'],
  open: ['selecting', 'archived'],
  selecting: ['running', 'archived'],
  running: ['completed'],
  completed: ['archived'],
  archived: [],
});
const states = fc.constantFrom<CohortState>(...cohort.states);

describe('StateMachine', () => {
  it('allows exactly the moves in its table', () => {
    expect(cohort.canMove('planning', 'open')).toBe(true);
    expect(cohort.canMove('planning', 'running')).toBe(false);
    expect(cohort.allowedFrom('running')).toEqual(['completed']);
  });

  it('refuses a move with a 409-kind error naming the allowed moves', () => {
    expect(() => cohort.assertMove('planning', 'running')).toThrow(InvalidTransitionError);
    try {
      cohort.assertMove('planning', 'running');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid_transition', extensions: { from: 'planning', to: 'running', allowed: ['open', 'archived'] } });
      expect((error as Error).message).toContain('allowed from planning: open, archived');
    }
  });

  it('says "none" when a final state is left', () => {
    expect(() => cohort.assertMove('archived', 'open')).toThrow(/allowed from archived: none/);
  });

  it('property: assertMove passes exactly when the table allows the move', () => {
    fc.assert(
      fc.property(states, states, (from, to) => {
        const allowed = cohort.allowedFrom(from).includes(to);
        if (allowed) expect(() => cohort.assertMove(from, to)).not.toThrow();
        else expect(() => cohort.assertMove(from, to)).toThrow(InvalidTransitionError);
      }),
    );
  });

  it('property: any sequence of attempted moves only ever visits allowed transitions, and final states have no moves', () => {
    fc.assert(
      fc.property(fc.array(states, { maxLength: 30 }), (attempts) => {
        let current: CohortState = 'planning';
        for (const next of attempts) {
          try {
            cohort.assertMove(current, next);
          } catch {
            continue;
          }
          expect(cohort.allowedFrom(current)).toContain(next);
          current = next;
        }
        if (cohort.isFinal(current)) expect(cohort.allowedFrom(current)).toEqual([]);
      }),
    );
  });

  it('property: a state is final exactly when nothing is allowed from it', () => {
    fc.assert(fc.property(states, (state) => expect(cohort.isFinal(state)).toBe(cohort.allowedFrom(state).length === 0)));
  });
});
