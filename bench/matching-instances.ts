import { CohortScoring, SCORE_SCALE, type ChallengeProfile, type MatchingProblem, type ParticipantProfile } from '@samverka/matching';
// The same reproducible generator the matching tests use, so benchmark and test instances come from one place.
import { seededRandom } from '../libs/matching/src/testing/seeded-random.js';

export type InstanceKind = 'uniform' | 'structured';

/** Fixed-seed instances: uniform random scores, or strength + attractiveness + fit so many want the same challenges. */
export function benchmarkProblem(kind: InstanceKind, participants: number, challenges: number, seats: number, seed: number): MatchingProblem {
  const random = seededRandom(seed);
  const strength = Float64Array.from({ length: participants }, random);
  const attractiveness = Float64Array.from({ length: challenges }, random);
  const scores = new Int32Array(participants * challenges);
  for (let p = 0; p < participants; p++) {
    for (let c = 0; c < challenges; c++) {
      const score = kind === 'uniform' ? random() : 0.3 * strength[p] + 0.4 * attractiveness[c] + 0.3 * random();
      scores[p * challenges + c] = Math.round(score * SCORE_SCALE);
    }
  }
  return {
    participants: Array.from({ length: participants }, (_, i) => `p${i}`),
    challenges: Array.from({ length: challenges }, (_, i) => ({ id: `c${i}`, seats })),
    scores,
  };
}

/** Profiles shaped like a real cohort: a few competences and themes each, some languages, municipalities, hours and ranks. */
export function benchmarkCohort(participants: number, challenges: number, seed: number): CohortScoring {
  const random = seededRandom(seed);
  const pick = (prefix: string, vocabulary: number, count: number) =>
    Array.from({ length: count }, () => `${prefix}${Math.floor(random() * vocabulary)}`);
  const municipality = () => `${String(1 + Math.floor(random() * 21)).padStart(2, '0')}${String(Math.floor(random() * 30)).padStart(2, '0')}`;
  const challengeProfiles = Array.from({ length: challenges }, (_, i): ChallengeProfile => ({
    id: `c${i}`,
    seats: 10,
    competences: pick('k', 60, 5),
    themes: pick('t', 20, 2),
    sdgs: [1 + Math.floor(random() * 17), 1 + Math.floor(random() * 17)],
    languagesRequired: random() < 0.2 ? ['en'] : ['sv'],
    municipalityCode: municipality(),
    hoursPerWeek: 2 + Math.floor(random() * 10),
  }));
  const participantProfiles = Array.from({ length: participants }, (_, i): ParticipantProfile => ({
    id: `p${i}`,
    competences: pick('k', 60, 6),
    themes: pick('t', 20, 3),
    sdgs: [1 + Math.floor(random() * 17), 1 + Math.floor(random() * 17), 1 + Math.floor(random() * 17)],
    languages: random() < 0.9 ? ['sv', 'en'] : ['en'],
    municipalityCode: municipality(),
    hoursPerWeek: Math.floor(random() * 12),
  }));
  const participantRanks = Object.fromEntries(
    participantProfiles.filter(() => random() < 0.5).map(({ id }) => [id, pick('c', challenges, 1).concat(pick('c', challenges, 1)).filter((c, k, all) => all.indexOf(c) === k)]),
  );
  return new CohortScoring({ participants: participantProfiles, challenges: challengeProfiles, participantRanks });
}
