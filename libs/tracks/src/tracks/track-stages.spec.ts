import fc from 'fast-check';
// The platform index pulls in CommonJS Nest packages Jest cannot load in-process: import the helper itself.
// eslint-disable-next-line no-restricted-imports
import { StateMachine } from '../../../platform/src/state-machine/state-machine.js';
import { ENDED_STAGES, GRADUATION_OUTCOMES, missingForMove, openGates, TRACK_STAGES, TRACK_TRANSITIONS, type GateFacts, type TrackStage } from './track-stages.js';

const trackLifecycle = new StateMachine<TrackStage>('track', TRACK_TRANSITIONS);
const stage = fc.constantFrom(...TRACK_STAGES);
const FORWARD: TrackStage[] = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated'];

/** Plays attempted moves from `matched`, keeping those the table allows and checking the rest are refused. */
function play(moves: TrackStage[]): TrackStage[] {
  const visited: TrackStage[] = ['matched'];
  for (const to of moves) {
    const from = visited[visited.length - 1];
    if (trackLifecycle.canMove(from, to)) visited.push(to);
    else expect(() => trackLifecycle.assertMove(from, to)).toThrow(/cannot move/);
  }
  return visited;
}

describe('track stage machine', () => {
  it('only ever visits allowed transitions, whatever moves are attempted', () => {
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 30 }), (moves) => {
        const visited = play(moves);
        for (let i = 1; i < visited.length; i++) expect(trackLifecycle.allowedFrom(visited[i - 1])).toContain(visited[i]);
      }),
    );
  });

  it('moves forward one stage at a time, in order, and never back', () => {
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 30 }), (moves) => {
        const forward = play(moves).filter((s) => s !== 'discontinued');
        expect(forward).toEqual(FORWARD.slice(0, forward.length));
      }),
    );
  });

  it('graduated and discontinued are final; every other stage can be discontinued', () => {
    expect(TRACK_STAGES.filter((s) => trackLifecycle.isFinal(s))).toEqual([...ENDED_STAGES]);
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        if (trackLifecycle.isFinal(from)) expect(trackLifecycle.canMove(from, to)).toBe(false);
        else expect(trackLifecycle.canMove(from, 'discontinued')).toBe(true);
      }),
    );
  });

  it('reaches graduation only through every stage', () => {
    fc.assert(
      fc.property(fc.array(stage, { maxLength: 30 }), (moves) => {
        const visited = play(moves);
        if (visited.includes('graduated')) expect(visited).toEqual(FORWARD);
      }),
    );
  });
});

describe('stage gates', () => {
  const met: GateFacts = { hasTestPlan: true, testSessions: 1, criteria: ['impact', 'owner'], criteriaMet: ['owner', 'impact'], outcome: 'procured', summary: 'Köptes in.', reason: 'x' };

  it('names exactly what each gate lacks', () => {
    expect(missingForMove('co_design', { ...met, hasTestPlan: false })).toEqual([]);
    expect(missingForMove('test_environment', { ...met, hasTestPlan: false })).toEqual(['test_plan']);
    expect(missingForMove('evaluation', { ...met, testSessions: 0 })).toEqual(['test_session']);
    expect(missingForMove('graduated', { ...met, outcome: undefined, summary: '  ', criteriaMet: ['owner'] })).toEqual(['outcome', 'outcome_summary', 'graduation_criterion:impact']);
    expect(missingForMove('discontinued', { ...met, reason: undefined })).toEqual(['reason']);
  });

  it('lets a move pass when everything is there, for any outcome', () => {
    fc.assert(
      fc.property(stage, fc.constantFrom(...GRADUATION_OUTCOMES), (to, outcome) => {
        expect(missingForMove(to, { ...met, outcome })).toEqual([]);
      }),
    );
  });

  it('requires every criterion ticked to graduate, whatever the criteria', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 })), fc.array(fc.string()), (criteria, ticked) => {
        const missing = missingForMove('graduated', { ...met, criteria, criteriaMet: ticked });
        expect(missing.length === 0).toBe(criteria.every((key) => ticked.includes(key)));
      }),
    );
  });
});

describe('open gates', () => {
  const record: GateFacts = { hasTestPlan: false, testSessions: 0, criteria: ['impact'], criteriaMet: [] };

  it('lists what every stage ahead lacks, in order, and nothing behind', () => {
    expect(openGates('matched', record)).toEqual([
      { to: 'test_environment', missing: ['test_plan'] },
      { to: 'evaluation', missing: ['test_session'] },
      { to: 'graduated', missing: ['outcome', 'outcome_summary', 'graduation_criterion:impact'] },
    ]);
    expect(openGates('evaluation', { ...record, criteriaMet: ['impact'] })).toEqual([{ to: 'graduated', missing: ['outcome', 'outcome_summary'] }]);
  });

  it('has none once the track has ended', () => {
    expect(openGates('graduated', record)).toEqual([]);
    expect(openGates('discontinued', record)).toEqual([]);
  });
});
