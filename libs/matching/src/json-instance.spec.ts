import { solveInstanceJson } from './json-instance.js';

const instance = {
  algorithm: 'optimal',
  participants: ['p1', 'p2'],
  challenges: [{ id: 'c1', seats: 2 }],
  scores: [[0.42], [null]],
  pins: [['p1', 'c1']],
  forbidden: [['p2', 'c1']],
  participantRanks: { p1: ['c1'] },
  challengeRanks: { c1: ['p2', 'p1'] },
};

function solve(json: unknown) {
  return solveInstanceJson(JSON.stringify(json));
}

describe('solveInstanceJson', () => {
  it('solves the documented example', () => {
    const outcome = solve(instance);
    expect(outcome).toEqual({
      ok: true,
      output: JSON.stringify({
        algorithm: 'optimal',
        pairs: [{ participant: 'p1', challenge: 'c1', score: 0.42 }],
        total: 0.42,
        minScore: 0.42,
        matched: 1,
        unmatched: ['p2'],
        seatsLeft: 1,
        blockingPairs: 0,
      }),
    });
  });

  it('reports the proposing side of a stable run and is byte-identical across runs', () => {
    const stable = { ...instance, algorithm: 'stable', proposing: 'challenges' };
    const first = solve(stable);
    expect(first.ok && JSON.parse(first.output)).toMatchObject({ algorithm: 'stable', proposing: 'challenges' });
    expect(solve(stable)).toEqual(first);
  });

  it.each([
    ['a ragged matrix', { scores: [[0.42, 0.1], [null]] }, 'scores row 0 must have one entry per challenge (1)'],
    ['a score outside [0, 1]', { scores: [[1.5], [null]] }, 'scores[0][0] = 1.5 is not null or a number in [0, 1]'],
    ['an unknown id', { pins: [['p9', 'c1']] }, 'unknown participant id "p9" in pins'],
    ['negative seats', { challenges: [{ id: 'c1', seats: -1 }] }, 'challenge c1 has invalid seats -1'],
    ['an unknown algorithm', { algorithm: 'greedy' }, 'algorithm must be "optimal" or "stable"'],
    ['missing rows', { scores: [[0.4]] }, 'scores must have one row per participant (2)'],
    ['malformed ranks', { participantRanks: { p1: 'c1' } }, 'participantRanks must map ids to arrays of ids'],
  ])('rejects %s with a message naming the problem', (_name, change, message) => {
    const outcome = solve({ ...instance, ...change });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toContain(message);
  });

  it('rejects text that is not JSON', () => {
    expect(solveInstanceJson('{').ok).toBe(false);
  });
});
