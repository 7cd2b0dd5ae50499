import fc from 'fast-check';
// The platform index pulls in CommonJS Nest packages Jest cannot load in-process: import the helper itself.
// eslint-disable-next-line no-restricted-imports
import { StateMachine } from '../../../platform/src/state-machine/state-machine.js';
import { CHALLENGE_STATES, CHALLENGE_TRANSITIONS, EDITABLE_STATES, type ChallengeState } from './challenge-transitions.js';

const challengeLifecycle = new StateMachine<ChallengeState>('challenge', CHALLENGE_TRANSITIONS);

const state = fc.constantFrom(...CHALLENGE_STATES);

/** Plays a sequence of attempted moves, keeping only those the table allows. */
function play(moves: ChallengeState[]): ChallengeState[] {
  const visited: ChallengeState[] = ['draft'];
  for (const to of moves) {
    const from = visited[visited.length - 1];
    if (challengeLifecycle.canMove(from, to)) visited.push(to);
    else expect(() => challengeLifecycle.assertMove(from, to)).toThrow(/cannot move/);
  }
  return visited;
}

describe('challenge lifecycle', () => {
  it('only ever visits allowed transitions, whatever moves are attempted', () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 40 }), (moves) => {
        const visited = play(moves);
        for (let i = 1; i < visited.length; i++) expect(challengeLifecycle.allowedFrom(visited[i - 1])).toContain(visited[i]);
      }),
    );
  });

  it('final states have no moves', () => {
    fc.assert(
      fc.property(state, state, (from, to) => {
        if (challengeLifecycle.isFinal(from)) expect(challengeLifecycle.canMove(from, to)).toBe(false);
      }),
    );
    expect(CHALLENGE_STATES.filter((s) => challengeLifecycle.isFinal(s)).sort()).toEqual(['completed', 'rejected', 'withdrawn']);
  });

  it('can be withdrawn from any state before in_test, never from in_test or later', () => {
    const beforeTest: ChallengeState[] = ['draft', 'submitted', 'changes_requested', 'approved', 'matched'];
    for (const from of beforeTest) expect(challengeLifecycle.canMove(from, 'withdrawn')).toBe(true);
    for (const from of ['in_test', 'completed'] as const) expect(challengeLifecycle.canMove(from, 'withdrawn')).toBe(false);
  });

  it('reaches approval only through submission, and once submitted never returns to draft', () => {
    fc.assert(
      fc.property(fc.array(state, { maxLength: 40 }), (moves) => {
        const visited = play(moves);
        const approvedAt = visited.indexOf('approved');
        if (approvedAt >= 0) expect(visited[approvedAt - 1]).toBe('submitted');
        const submittedAt = visited.indexOf('submitted');
        if (submittedAt >= 0) expect(visited.slice(submittedAt)).not.toContain('draft');
      }),
    );
  });

  it('editable states are exactly those a department works on', () => {
    expect([...EDITABLE_STATES].sort()).toEqual(['changes_requested', 'draft']);
    for (const editable of EDITABLE_STATES) expect(challengeLifecycle.canMove(editable, 'submitted')).toBe(true);
  });
});
