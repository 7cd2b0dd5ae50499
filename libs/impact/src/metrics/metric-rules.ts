/** Which way a metric should move, and how its measurements add up: data, so unit tests load this file directly. */
export const METRIC_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const METRIC_AGGREGATIONS = ['sum', 'average'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];

export interface MetricGoal {
  direction: MetricDirection;
  baseline: number | null;
  target: number | null;
}

/**
 * A target must lie the metric's way from the baseline, or "share of target reached" means
 * nothing; a lower-is-better target needs a baseline to be reduced from.
 */
export function goalProblems(goal: MetricGoal): { field: string; message: string }[] {
  if (goal.target === null) return [];
  if (goal.direction === 'lower_is_better' && goal.baseline === null) return [{ field: 'baseline', message: 'a lower-is-better metric with a target needs a baseline' }];
  const baseline = goal.baseline ?? 0;
  const wrongWay = goal.direction === 'higher_is_better' ? goal.target <= baseline : goal.target >= baseline;
  return wrongWay ? [{ field: 'target', message: `the target must be ${goal.direction === 'higher_is_better' ? 'above' : 'below'} the baseline (${baseline})` }] : [];
}

