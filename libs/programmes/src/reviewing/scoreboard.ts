/**
 * The scoreboard maths, as pure functions (see libs/programmes/README.md for the formulas).
 * Inputs are plain data; nothing here knows about the database or HTTP.
 */

export interface WeightedCriterion {
  key: string;
  weight: number;
}

export interface ScoredReview {
  applicationId: string;
  reviewerId: string;
  /** Criterion key → score 1..5. */
  scores: Readonly<Record<string, number>>;
}

export interface ScoreboardRow {
  applicationId: string;
  reviewCount: number;
  /** Mean over reviewers of each reviewer's weighted score (1..5); null without reviews. */
  weightedMean: number | null;
  /** Population standard deviation of the reviewers' weighted scores; null without reviews. */
  spread: number | null;
  /** Mean of the reviewers' z-scores (each standardised over that reviewer's reviews in the cohort). */
  normalisedScore: number | null;
  rankByMean: number | null;
  rankByNormalised: number | null;
  disagreement: boolean;
}

export interface ReviewerStatistics {
  reviewerId: string;
  count: number;
  mean: number;
  spread: number;
}

export interface Scoreboard {
  rows: ScoreboardRow[];
  reviewers: ReviewerStatistics[];
}

/** Strong disagreement: reviewers' weighted scores at least this far apart (on the 1..5 scale)… */
export const DISAGREEMENT_WEIGHTED_RANGE = 2;
/** …or one criterion scored at least this far apart (e.g. 1 and 4, or 2 and 5). */
export const DISAGREEMENT_CRITERION_RANGE = 3;

export const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Population standard deviation (divides by n): the spread of exactly these scores. */
export function standardDeviation(values: readonly number[]): number {
  const centre = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - centre) ** 2)));
}

const range = (values: readonly number[]): number => Math.max(...values) - Math.min(...values);

/** Σ weight × score / Σ weight over the rubric's criteria. */
export function weightedScore(scores: Readonly<Record<string, number>>, rubric: readonly WeightedCriterion[]): number {
  const totalWeight = rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  return rubric.reduce((sum, criterion) => sum + criterion.weight * scores[criterion.key], 0) / totalWeight;
}

/**
 * z-scores: (x − mean) / standard deviation. Scores without spread (one review, or all alike)
 * say nothing about strictness, so they standardise to 0.
 */
export function standardise(values: readonly number[]): number[] {
  const centre = mean(values);
  const deviation = standardDeviation(values);
  return values.map((value) => (deviation === 0 ? 0 : (value - centre) / deviation));
}

/** Standard competition ranking, highest first: 4, 3, 3, 1 → 1, 2, 2, 4. Nulls stay unranked. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) => (value === null ? null : 1 + values.filter((other) => other !== null && other > value + 1e-9).length));
}

export function isStrongDisagreement(reviews: readonly Readonly<Record<string, number>>[], weighted: readonly number[], rubric: readonly WeightedCriterion[]): boolean {
  if (reviews.length < 2) return false;
  if (range(weighted) >= DISAGREEMENT_WEIGHTED_RANGE - 1e-9) return true;
  return rubric.some((criterion) => range(reviews.map((scores) => scores[criterion.key])) >= DISAGREEMENT_CRITERION_RANGE);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * The scoreboard of one cohort: a row per application (in the given order of ids, then sorted
 * by rank by mean; unreviewed last) and the statistics of each reviewer.
 */
export function buildScoreboard(applicationIds: readonly string[], reviews: readonly ScoredReview[], rubric: readonly WeightedCriterion[]): Scoreboard {
  const scored = reviews.map((review) => ({ ...review, weighted: weightedScore(review.scores, rubric), z: 0 }));
  const byReviewer = groupBy(scored, (review) => review.reviewerId);
  const reviewers = [...byReviewer.entries()].map(([reviewerId, own]): ReviewerStatistics => {
    const weighted = own.map((review) => review.weighted);
    standardise(weighted).forEach((z, index) => (own[index].z = z));
    return { reviewerId, count: own.length, mean: mean(weighted), spread: standardDeviation(weighted) };
  });

  const byApplication = groupBy(scored, (review) => review.applicationId);
  const unranked = applicationIds.map((applicationId) => {
    const own = byApplication.get(applicationId) ?? [];
    const weighted = own.map((review) => review.weighted);
    return {
      applicationId,
      reviewCount: own.length,
      weightedMean: own.length ? mean(weighted) : null,
      spread: own.length ? standardDeviation(weighted) : null,
      normalisedScore: own.length ? mean(own.map((review) => review.z)) : null,
      disagreement: isStrongDisagreement(own.map((review) => review.scores), weighted, rubric),
    };
  });
  const meanRanks = competitionRanks(unranked.map((row) => row.weightedMean));
  const normalisedRanks = competitionRanks(unranked.map((row) => row.normalisedScore));
  const rows = unranked.map((row, index) => ({ ...row, rankByMean: meanRanks[index], rankByNormalised: normalisedRanks[index] }));
  rows.sort((a, b) => (a.rankByMean ?? Infinity) - (b.rankByMean ?? Infinity));
  return { rows, reviewers };
}
