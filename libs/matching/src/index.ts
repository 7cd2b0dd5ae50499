export {
  MatchingInputError,
  NOT_ALLOWED,
  SCORE_SCALE,
  type ChallengeSeats,
  type IdPair,
  type MatchingProblem,
} from './problem.js';
export type { ProposingSide } from './stable.js';
export {
  evaluateAssignment,
  solveMatching,
  type AssignmentReport,
  type MatchingAlgorithm,
  type MatchingOptions,
  type MatchingRun,
  type ProposedPair,
} from './run.js';
export {
  parseMatchingInstance,
  solveInstanceJson,
  type MatchingInstanceJson,
  type SolveInstanceOutcome,
} from './json-instance.js';
export { CohortScoring } from './scoring/cohort-scoring.js';
// The tag and location components on their own, for scoring things other than a cohort (partner posts).
export { NEUTRAL, Location, coverage, locationOf, locationValue } from './scoring/components.js';
export { normaliseTag } from './scoring/tag-sets.js';
export type { ChallengeProfile, ParticipantProfile, ScoringInput } from './scoring/profiles.js';
export type { Bilingual, ComponentExplanation, PairExplanation } from './scoring/reasons.js';
export {
  DEFAULT_WEIGHTS,
  SCORE_COMPONENTS,
  resolveWeights,
  type ScoreComponent,
  type ScoreWeights,
} from './scoring/weights.js';
