import { MatchingInputError, NOT_ALLOWED, indexProblem, type MatchingProblem } from './problem.js';

const base: MatchingProblem = {
  participants: ['a', 'b', 'c'],
  challenges: [{ id: 'x', seats: 1 }, { id: 'y', seats: 2 }],
  scores: Int32Array.from([10, 20, 30, NOT_ALLOWED, 50, 60]),
};

function errorOf(change: Partial<MatchingProblem>): MatchingInputError | undefined {
  try {
    indexProblem({ ...base, ...change });
  } catch (error) {
    if (error instanceof MatchingInputError) return error;
    throw error;
  }
  return undefined;
}

const problemsOf = (change: Partial<MatchingProblem>): readonly string[] => errorOf(change)?.problems ?? [];

describe('indexProblem pin validation', () => {
  it('accepts feasible pins and folds forbidden pairs into the scores', () => {
    const indexed = indexProblem({ ...base, pins: [['a', 'y'], ['b', 'x']], forbidden: [['c', 'y']] });
    expect(Array.from(indexed.pinnedChallenge)).toEqual([1, 0, -1]);
    expect(indexed.scores[2 * 2 + 1]).toBe(NOT_ALLOWED);
  });

  it('names both pins of a participant pinned twice', () => {
    expect(problemsOf({ pins: [['a', 'x'], ['a', 'y']] })).toEqual(['participant a is pinned twice (a→x and a→y)']);
  });

  it('names the pins exceeding a challenge’s seats', () => {
    expect(problemsOf({ pins: [['a', 'x'], ['c', 'x']] })).toEqual(['challenge x has 1 seats but 2 pins (a→x, c→x)']);
  });

  it('names a pin that breaks a hard rule', () => {
    expect(problemsOf({ pins: [['b', 'y']] })).toEqual(['pin b→y breaks a hard rule (the pair is not allowed)']);
    expect(problemsOf({ pins: [['a', 'x']], forbidden: [['a', 'x']] })).toEqual([
      'pin a→x breaks a hard rule (the pair is not allowed)',
    ]);
  });

  it('calls pins that cannot all hold infeasible, and input that is not well formed invalid', () => {
    expect(errorOf({ pins: [['a', 'x'], ['c', 'x']] })?.kind).toBe('infeasible');
    expect(errorOf({ pins: [['b', 'y']] })?.kind).toBe('infeasible');
    expect(errorOf({ pins: [['z', 'x']] })?.kind).toBe('invalid');
    expect(errorOf({ pins: [['b', 'y']], challengeRanks: { z: ['a'] } })).toMatchObject({
      kind: 'invalid',
      problems: ['unknown challenge id "z" in challengeRanks', 'pin b→y breaks a hard rule (the pair is not allowed)'],
    });
  });

  it('reports unknown ids, duplicate ids and repeated ranks', () => {
    expect(problemsOf({ participants: ['a', 'a', 'c'] })).toContain('duplicate participant id "a"');
    expect(problemsOf({ participantRanks: { a: ['x', 'x'] } })).toEqual(['participant a ranks x twice']);
    expect(problemsOf({ challengeRanks: { z: ['a'] } })).toEqual(['unknown challenge id "z" in challengeRanks']);
    expect(problemsOf({ scores: new Int32Array(5) })).toEqual(['score matrix has 5 entries, expected 3 × 2']);
  });
});
