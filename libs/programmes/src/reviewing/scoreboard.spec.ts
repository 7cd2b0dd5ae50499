import { buildScoreboard, competitionRanks, isStrongDisagreement, mean, standardDeviation, standardise, weightedScore, type ScoredReview } from './scoreboard.js';

/** impact counts three times as much as feasibility. */
const rubric = [
  { key: 'impact', weight: 3 },
  { key: 'feasibility', weight: 1 },
];

const review = (applicationId: string, reviewerId: string, impact: number, feasibility: number): ScoredReview => ({ applicationId, reviewerId, scores: { impact, feasibility } });

describe('scoring maths', () => {
  it('weights each criterion: (3·2 + 1·4) / (3 + 1) = 2.5', () => {
    expect(weightedScore({ impact: 2, feasibility: 4 }, rubric)).toBe(2.5);
    expect(weightedScore({ impact: 5, feasibility: 1 }, rubric)).toBe(4);
  });

  it('spreads are population standard deviations: 1 and 5 → mean 3, deviations ±2 → 2', () => {
    expect(mean([1, 5])).toBe(3);
    expect(standardDeviation([1, 5])).toBe(2);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([3])).toBe(0);
  });

  it('standardises to z-scores, and to 0 where there is no spread', () => {
    expect(standardise([2.5, 1])).toEqual([1, -1]);
    expect(standardise([2, 4, 4, 4, 5, 5, 7, 9])).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(standardise([4])).toEqual([0]);
    expect(standardise([3, 3])).toEqual([0, 0]);
  });

  it('ranks highest first, equal scores sharing a rank (1, 2, 2, 4), unscored unranked', () => {
    expect(competitionRanks([4, 3, 3, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([null, 2, 5])).toEqual([null, 2, 1]);
  });

  describe('strong disagreement', () => {
    it('is flagged when weighted scores are 2 or more points apart', () => {
      expect(isStrongDisagreement([{ impact: 1, feasibility: 1 }, { impact: 3, feasibility: 3 }], [1, 3], rubric)).toBe(true);
      expect(isStrongDisagreement([{ impact: 2, feasibility: 2 }, { impact: 3, feasibility: 3 }], [2, 3], rubric)).toBe(false);
    });

    it('is flagged when one criterion is scored 3 or more points apart, even if the means agree', () => {
      const even = [
        { key: 'impact', weight: 1 },
        { key: 'feasibility', weight: 1 },
      ];
      // (5 + 2) / 2 = 3.5 and (2 + 5) / 2 = 3.5: same mean, opposite views.
      expect(isStrongDisagreement([{ impact: 5, feasibility: 2 }, { impact: 2, feasibility: 5 }], [3.5, 3.5], even)).toBe(true);
    });

    it('needs two reviews to disagree', () => {
      expect(isStrongDisagreement([{ impact: 1, feasibility: 5 }], [2], rubric)).toBe(false);
    });
  });
});

describe('buildScoreboard: a strict and a lenient reviewer', () => {
  /*
   * Reviewer A is strict, B lenient. A reviews P and Q, B reviews Q and R.
   *   A: P (impact 2, feasibility 4) → 2.5;  Q (1, 1) → 1.0;  A's mean 1.75, spread 0.75 → z: P +1, Q −1
   *   B: Q (5, 5) → 5.0;  R (4, 4) → 4.0;    B's mean 4.5,  spread 0.5  → z: Q +1, R −1
   * Raw means: R 4.0, Q 3.0 (1 and 5: spread 2, flagged), P 2.5 → ranks R 1, Q 2, P 3.
   * Normalised: P +1, Q (−1 + 1)/2 = 0, R −1 → ranks P 1, Q 2, R 3: P was the best A saw,
   * R the worst B saw.
   */
  const board = buildScoreboard(['P', 'Q', 'R', 'S'], [review('P', 'A', 2, 4), review('Q', 'A', 1, 1), review('Q', 'B', 5, 5), review('R', 'B', 4, 4)], rubric);
  const row = (id: string) => board.rows.find((r) => r.applicationId === id);

  it('gives each application its weighted mean, spread, normalised score and number of reviews', () => {
    expect(row('P')).toMatchObject({ reviewCount: 1, weightedMean: 2.5, spread: 0, normalisedScore: 1, disagreement: false });
    expect(row('Q')).toMatchObject({ reviewCount: 2, weightedMean: 3, spread: 2, normalisedScore: 0, disagreement: true });
    expect(row('R')).toMatchObject({ reviewCount: 1, weightedMean: 4, spread: 0, normalisedScore: -1, disagreement: false });
  });

  it('ranks by raw mean and by normalised score, which here disagree', () => {
    expect([row('R')?.rankByMean, row('Q')?.rankByMean, row('P')?.rankByMean]).toEqual([1, 2, 3]);
    expect([row('P')?.rankByNormalised, row('Q')?.rankByNormalised, row('R')?.rankByNormalised]).toEqual([1, 2, 3]);
  });

  it('lists unreviewed applications last, without scores or ranks', () => {
    expect(board.rows.map((r) => r.applicationId)).toEqual(['R', 'Q', 'P', 'S']);
    expect(row('S')).toEqual({ applicationId: 'S', reviewCount: 0, weightedMean: null, spread: null, normalisedScore: null, rankByMean: null, rankByNormalised: null, disagreement: false });
  });

  it('shows who is strict: per reviewer the count, mean and spread', () => {
    expect(board.reviewers).toEqual([
      { reviewerId: 'A', count: 2, mean: 1.75, spread: 0.75 },
      { reviewerId: 'B', count: 2, mean: 4.5, spread: 0.5 },
    ]);
  });

  it('is empty for a cohort without applications', () => {
    expect(buildScoreboard([], [], rubric)).toEqual({ rows: [], reviewers: [] });
  });
});
