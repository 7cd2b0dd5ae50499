import type { IdPair } from '../problem.js';
import type { ScoreWeights } from './weights.js';

export interface ParticipantProfile {
  id: string;
  competences: readonly string[];
  themes: readonly string[];
  /** UN Sustainable Development Goals, 1–17. */
  sdgs: readonly number[];
  languages: readonly string[];
  /** 4-digit SCB municipality code; its first two digits are the county code. */
  municipalityCode?: string;
  hoursPerWeek?: number;
}

export interface ChallengeProfile {
  id: string;
  /** Free seats. */
  seats: number;
  competences: readonly string[];
  themes: readonly string[];
  sdgs: readonly number[];
  languagesRequired: readonly string[];
  municipalityCode?: string;
  hoursPerWeek?: number;
}

export interface ScoringInput {
  participants: readonly ParticipantProfile[];
  challenges: readonly ChallengeProfile[];
  /** participant id → challenge ids, most wanted first. */
  participantRanks?: Readonly<Record<string, readonly string[]>>;
  /** challenge id → participant ids, most wanted first. */
  challengeRanks?: Readonly<Record<string, readonly string[]>>;
  /** Declared conflicts of interest: never proposed. */
  conflicts?: readonly IdPair[];
  forbidden?: readonly IdPair[];
  pins?: readonly IdPair[];
  weights?: Partial<ScoreWeights>;
}
