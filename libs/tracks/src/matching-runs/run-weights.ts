import { resolveWeights, SCORE_COMPONENTS, type ScoreComponent, type ScoreWeights } from '@samverka/matching';
import type { MatchingRunRecord } from './matching-run.entity.js';

/** The score components a run weighs, as the API names them. */
export { SCORE_COMPONENTS, type ScoreComponent, type ScoreWeights };

/** The normalised weights a run used: the defaults fill what was not asked, then they sum to 1. */
export function weightsOfRun(run: Pick<MatchingRunRecord, 'parameters'>): ScoreWeights {
  return resolveWeights(run.parameters.weights);
}
