import fc from 'fast-check';
// The platform index pulls in CommonJS Nest packages Jest cannot load in-process: import the helper itself.
// eslint-disable-next-line no-restricted-imports
import { StateMachine } from '../../platform/src/state-machine/state-machine.js';
import { APPLICATION_STATES, APPLICATION_TRANSITIONS, type ApplicationState } from './applications/application-transitions.js';
import { COHORT_STATES, COHORT_TRANSITIONS, type CohortState } from './cohorts/cohort-transitions.js';

const cohortLifecycle = new StateMachine<CohortState>('cohort', COHORT_TRANSITIONS);
const applicationLifecycle = new StateMachine<ApplicationState>('application', APPLICATION_TRANSITIONS);

/** Any sequence of attempted moves: refused ones change nothing, accepted ones are in the table. */
function walk<S extends string>(machine: StateMachine<S>, start: S, attempts: S[]): S[] {
  const visited = [start];
  for (const to of attempts) {
    const from = visited[visited.length - 1];
    try {
      machine.assertMove(from, to);
      visited.push(to);
    } catch (error) {
      expect((error as { kind: string }).kind).toBe('invalid_transition');
      expect((error as Error).message).toContain(`allowed from ${from}`);
    }
  }
  return visited;
}

function checkMachine<S extends string>(machine: StateMachine<S>, states: readonly S[], start: S, finals: S[]): void {
  it('only ever visits allowed transitions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 30 }), (attempts) => {
        const visited = walk(machine, start, attempts);
        visited.slice(1).forEach((to, index) => expect(machine.canMove(visited[index], to)).toBe(true));
      }),
    );
  });

  it('has no moves out of its final states', () => {
    expect(states.filter((state) => machine.isFinal(state))).toEqual(finals);
  });

  it('names only known states', () => {
    for (const state of states) for (const to of machine.allowedFrom(state)) expect(states).toContain(to);
  });
}

describe('cohort lifecycle', () => {
  checkMachine<CohortState>(cohortLifecycle, COHORT_STATES, 'planning', ['archived']);

  it('runs planning → open → selecting → running → completed → archived, and never back', () => {
    expect(walk(cohortLifecycle, 'planning', ['open', 'selecting', 'running', 'completed', 'archived'])).toEqual(COHORT_STATES);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...COHORT_STATES), { maxLength: 30 }), (attempts) => {
        const order = walk(cohortLifecycle, 'planning', attempts).map((state) => COHORT_STATES.indexOf(state));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }),
    );
  });
});

describe('application lifecycle', () => {
  checkMachine<ApplicationState>(applicationLifecycle, APPLICATION_STATES, 'draft', ['accepted', 'rejected', 'withdrawn']);

  it('lets the waitlist be decided later, or left by the applicant', () => {
    expect(applicationLifecycle.allowedFrom('waitlisted')).toEqual(['accepted', 'rejected', 'withdrawn']);
  });

  it('is withdrawn by the applicant until accepted or rejected, never after', () => {
    const withdrawable = APPLICATION_STATES.filter((state) => applicationLifecycle.allowedFrom(state).includes('withdrawn'));
    expect(withdrawable).toEqual(['draft', 'submitted', 'waitlisted']);
  });

  it('is decided at most once: accepted or rejected never change again', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...APPLICATION_STATES), { maxLength: 30 }), (attempts) => {
        const visited = walk(applicationLifecycle, 'draft', attempts);
        const decided = visited.findIndex((state) => state === 'accepted' || state === 'rejected');
        if (decided >= 0) expect(visited.length).toBe(decided + 1);
      }),
    );
  });
});
