import { MatchingInputError } from '../problem.js';

export const SCORE_COMPONENTS = [
  'competences',
  'themes',
  'sdgs',
  'availability',
  'location',
  'participantPreference',
  'challengePreference',
] as const;

export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreWeights = Record<ScoreComponent, number>;

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  competences: 0.35,
  themes: 0.15,
  sdgs: 0.1,
  availability: 0.1,
  location: 0.1,
  participantPreference: 0.1,
  challengePreference: 0.1,
};

/** Defaults overridden per component, validated (finite, non-negative, not all zero) and scaled to sum to 1. */
export function resolveWeights(overrides: Partial<ScoreWeights> = {}): ScoreWeights {
  const problems: string[] = [];
  for (const name of Object.keys(overrides)) {
    if (!(SCORE_COMPONENTS as readonly string[]).includes(name)) problems.push(`unknown score component "${name}"`);
  }
  const merged = { ...DEFAULT_WEIGHTS, ...overrides };
  for (const name of SCORE_COMPONENTS) {
    const weight = merged[name];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      problems.push(`weight of ${name} must be a non-negative number, got ${String(weight)}`);
    }
  }
  const sum = SCORE_COMPONENTS.reduce((total, name) => total + merged[name], 0);
  if (problems.length === 0 && sum === 0) problems.push('at least one weight must be positive');
  if (problems.length > 0) throw new MatchingInputError(problems);
  return Object.fromEntries(SCORE_COMPONENTS.map((name) => [name, merged[name] / sum])) as ScoreWeights;
}
