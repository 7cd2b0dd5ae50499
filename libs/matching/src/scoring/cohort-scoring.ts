import { MatchingInputError, NOT_ALLOWED, SCORE_SCALE, type MatchingProblem } from '../problem.js';
import { Location, availability, coverage, locationOf, locationValue, rankValue } from './components.js';
import type { ScoringInput } from './profiles.js';
import { describePair, type PairFacts, type PairExplanation } from './reasons.js';
import { TagVocabulary, countBits, countMissing, countShared, lacksAny, popcount } from './tag-sets.js';
import { resolveWeights, type ScoreWeights } from './weights.js';

const MUNICIPALITY_CODE = /^\d{4}$/;
const SDG_COUNT = 17;

/**
 * Scores a cohort from its profiles. Everything a pair needs is encoded once per person (tag bitsets, typed arrays),
 * so the whole matrix is a tight loop over pairs, and one pair is explained on demand by the same code.
 */
export class CohortScoring {
  readonly weights: ScoreWeights;
  private readonly participantIndex: Map<string, number>;
  private readonly challengeIndex: Map<string, number>;
  private readonly n: number;
  private readonly m: number;
  private readonly competenceWords: number;
  private readonly participantCompetences: Uint32Array;
  private readonly challengeCompetences: Uint32Array;
  private readonly themeWords: number;
  private readonly participantThemes: Uint32Array;
  private readonly challengeThemes: Uint32Array;
  private readonly participantSdgs: Uint32Array;
  private readonly challengeSdgs: Uint32Array;
  private readonly languageWords: number;
  private readonly spokenLanguages: Uint32Array;
  private readonly requiredLanguages: Uint32Array;
  private readonly participantHours: Float64Array;
  private readonly challengeHours: Float64Array;
  private readonly participantMunicipality: Float64Array;
  private readonly challengeMunicipality: Float64Array;
  /** Per challenge: how many competences, themes and SDGs it lists. */
  private readonly competencesWanted: Int32Array;
  private readonly themesWanted: Int32Array;
  private readonly sdgsWanted: Int32Array;
  /** Challenge indices by participant, and (challenge, position) pairs by participant from the challenges' ranks. */
  private readonly rankedChallenges: (Int32Array | undefined)[];
  private readonly rankedBy: { challenge: number; position: number }[][];
  private readonly challengeRankLength: Int32Array;
  /** Per challenge: its preference for a participant it did not rank. */
  private readonly unrankedByChallenge: Float64Array;
  private readonly excluded: Map<number, 'conflict' | 'forbidden'>;
  /** The weighted tag and location contributions, looked up rather than computed per pair. */
  private readonly competenceTable: ContributionTable;
  private readonly themeTable: ContributionTable;
  private readonly sdgTable: ContributionTable;
  private readonly locationContribution: Float64Array;

  constructor(private readonly input: ScoringInput) {
    const problems: string[] = [];
    const { participants, challenges } = input;
    this.n = participants.length;
    this.m = challenges.length;
    this.weights = resolveWeights(input.weights);
    this.participantIndex = new Map(participants.map((participant, index) => [participant.id, index]));
    this.challengeIndex = new Map(challenges.map((challenge, index) => [challenge.id, index]));
    if (this.participantIndex.size !== this.n) problems.push('participant ids must be unique');
    if (this.challengeIndex.size !== this.m) problems.push('challenge ids must be unique');

    // Only tags some challenge asks for can ever overlap, so they alone make up the vocabularies.
    const competences = new TagVocabulary(challenges.flatMap((challenge) => challenge.competences));
    this.competenceWords = competences.words;
    this.participantCompetences = competences.encode(participants.map((participant) => participant.competences));
    this.challengeCompetences = competences.encode(challenges.map((challenge) => challenge.competences));
    const themes = new TagVocabulary(challenges.flatMap((challenge) => challenge.themes));
    this.themeWords = themes.words;
    this.participantThemes = themes.encode(participants.map((participant) => participant.themes));
    this.challengeThemes = themes.encode(challenges.map((challenge) => challenge.themes));
    const languages = new TagVocabulary(challenges.flatMap((challenge) => challenge.languagesRequired));
    this.languageWords = languages.words;
    this.spokenLanguages = languages.encode(participants.map((participant) => participant.languages));
    this.requiredLanguages = languages.encode(challenges.map((challenge) => challenge.languagesRequired));
    this.participantSdgs = encodeSdgs(participants, problems);
    this.challengeSdgs = encodeSdgs(challenges, problems);
    this.participantHours = encodeHours(participants, problems);
    this.challengeHours = encodeHours(challenges, problems);
    this.participantMunicipality = encodeMunicipalities(participants, problems);
    this.challengeMunicipality = encodeMunicipalities(challenges, problems);
    this.competencesWanted = Int32Array.from(challenges, (_, c) => countBits(this.challengeCompetences, c, this.competenceWords));
    this.themesWanted = Int32Array.from(challenges, (_, c) => countBits(this.challengeThemes, c, this.themeWords));
    this.sdgsWanted = Int32Array.from(challenges, (_, c) => countBits(this.challengeSdgs, c, 1));
    this.competenceTable = new ContributionTable(this.competencesWanted, this.weights.competences);
    this.themeTable = new ContributionTable(this.themesWanted, this.weights.themes);
    this.sdgTable = new ContributionTable(this.sdgsWanted, this.weights.sdgs);
    this.locationContribution = new Float64Array(Object.keys(Location).length);
    for (const location of Object.values(Location)) this.locationContribution[location] = this.weights.location * locationValue(location);

    this.rankedChallenges = participants.map((participant) => {
      const ranked = input.participantRanks?.[participant.id];
      return ranked && Int32Array.from(ranked, (id) => this.resolve(this.challengeIndex, id, 'challenge', problems));
    });
    this.rankedBy = participants.map(() => []);
    this.challengeRankLength = new Int32Array(this.m);
    challenges.forEach((challenge, c) => {
      const ranked = input.challengeRanks?.[challenge.id] ?? [];
      this.challengeRankLength[c] = ranked.length;
      ranked.forEach((id, position) => {
        const p = this.resolve(this.participantIndex, id, 'participant', problems);
        if (p >= 0) this.rankedBy[p].push({ challenge: c, position });
      });
    });
    this.unrankedByChallenge = Float64Array.from(this.challengeRankLength, (length) => rankValue(-1, length));
    for (const id of Object.keys(input.participantRanks ?? {})) this.resolve(this.participantIndex, id, 'participant', problems);
    for (const id of Object.keys(input.challengeRanks ?? {})) this.resolve(this.challengeIndex, id, 'challenge', problems);

    this.excluded = new Map();
    for (const [kind, pairs] of [['forbidden', input.forbidden], ['conflict', input.conflicts]] as const) {
      for (const [participantId, challengeId] of pairs ?? []) {
        const p = this.resolve(this.participantIndex, participantId, 'participant', problems);
        const c = this.resolve(this.challengeIndex, challengeId, 'challenge', problems);
        if (p >= 0 && c >= 0) this.excluded.set(p * this.m + c, kind);
      }
    }
    if (problems.length > 0) throw new MatchingInputError(problems);
  }

  /** The matrix-level problem the solvers take: scores for every pair, hard rules applied, pins and ranks passed on. */
  problem(): MatchingProblem {
    const { n, m } = this;
    const scores = new Int32Array(n * m);
    const participantPreferences = new Float64Array(m);
    const challengePreferences = new Float64Array(m);
    for (let p = 0; p < n; p++) {
      this.fillPreferences(p, participantPreferences, challengePreferences);
      this.scoreRow(p, participantPreferences, challengePreferences, scores.subarray(p * m, (p + 1) * m));
    }
    for (const key of this.excluded.keys()) scores[key] = NOT_ALLOWED;
    return {
      participants: this.input.participants.map((participant) => participant.id),
      challenges: this.input.challenges.map(({ id, seats }) => ({ id, seats })),
      scores,
      pins: this.input.pins,
      participantRanks: this.input.participantRanks,
      challengeRanks: this.input.challengeRanks,
    };
  }

  /**
   * One participant's row of scores. Specialised for speed, yet every contribution is `weight × value` from the
   * component functions, added in component order exactly as `explain` does, so the rounded scores are identical:
   * the tag components come from per-challenge tables indexed by the overlap, the others are computed inline.
   * A method of its own (not a loop inside `problem`) so it is optimised once, with type feedback from whole rows.
   */
  private scoreRow(p: number, participantPreferences: Float64Array, challengePreferences: Float64Array, row: Int32Array): void {
    const { m, competenceWords, themeWords, languageWords, participantCompetences, challengeCompetences } = this;
    const { participantThemes, challengeThemes, challengeSdgs, spokenLanguages, requiredLanguages } = this;
    const { challengeHours, challengeMunicipality, competenceTable, themeTable, sdgTable, locationContribution } = this;
    const { availability: wAvailability, participantPreference: wParticipant, challengePreference: wChallenge } = this.weights;
    const hoursOffered = this.participantHours[p];
    const municipality = this.participantMunicipality[p];
    const sdgs = this.participantSdgs[p];
    for (let c = 0; c < m; c++) {
      if (lacksAny(spokenLanguages, p, requiredLanguages, c, languageWords)) {
        row[c] = NOT_ALLOWED;
        continue;
      }
      const score =
        competenceTable.at(c, countShared(participantCompetences, p, challengeCompetences, c, competenceWords)) +
        themeTable.at(c, countShared(participantThemes, p, challengeThemes, c, themeWords)) +
        sdgTable.at(c, popcount(sdgs & challengeSdgs[c])) +
        wAvailability * availability(hoursOffered, challengeHours[c]) +
        locationContribution[locationOf(municipality, challengeMunicipality[c])] +
        wParticipant * participantPreferences[c] +
        wChallenge * challengePreferences[c];
      row[c] = Math.round(score * SCORE_SCALE);
    }
  }

  /** Components, weights, contributions and a one-line reason in Swedish and English for one pair. */
  explain(participantId: string, challengeId: string): PairExplanation {
    const problems: string[] = [];
    const p = this.resolve(this.participantIndex, participantId, 'participant', problems);
    const c = this.resolve(this.challengeIndex, challengeId, 'challenge', problems);
    if (problems.length > 0) throw new MatchingInputError(problems);
    const participantPreferences = new Float64Array(this.m);
    const challengePreferences = new Float64Array(this.m);
    this.fillPreferences(p, participantPreferences, challengePreferences);
    const facts = emptyFacts();
    this.readFacts(p, c, facts);
    facts.exclusion = this.excluded.get(p * this.m + c);
    facts.participantPreference = participantPreferences[c];
    facts.challengePreference = challengePreferences[c];
    facts.participantRanked = this.rankedChallenges[p] !== undefined;
    facts.participantPosition = this.rankedChallenges[p]?.indexOf(c) ?? -1;
    facts.challengeRanked = this.challengeRankLength[c] > 0;
    facts.challengePosition = this.rankedBy[p].find((entry) => entry.challenge === c)?.position ?? -1;
    return describePair(participantId, challengeId, facts, this.weights);
  }

  private fillPreferences(p: number, participantPreferences: Float64Array, challengePreferences: Float64Array): void {
    const ranked = this.rankedChallenges[p];
    if (ranked) {
      participantPreferences.fill(0);
      for (let position = ranked.length - 1; position >= 0; position--) {
        participantPreferences[ranked[position]] = rankValue(position, ranked.length);
      }
    } else participantPreferences.fill(rankValue(-1, 0));
    challengePreferences.set(this.unrankedByChallenge);
    for (const { challenge, position } of this.rankedBy[p]) {
      challengePreferences[challenge] = rankValue(position, this.challengeRankLength[challenge]);
    }
  }

  /** The counts behind the components; false when a required language is not spoken. */
  private readFacts(p: number, c: number, facts: PairFacts): boolean {
    facts.languagesMissing = countMissing(this.spokenLanguages, p, this.requiredLanguages, c, this.languageWords);
    facts.competencesShared = countShared(this.participantCompetences, p, this.challengeCompetences, c, this.competenceWords);
    facts.competencesWanted = this.competencesWanted[c];
    facts.themesShared = countShared(this.participantThemes, p, this.challengeThemes, c, this.themeWords);
    facts.themesWanted = this.themesWanted[c];
    facts.sdgsShared = countShared(this.participantSdgs, p, this.challengeSdgs, c, 1);
    facts.sdgsWanted = this.sdgsWanted[c];
    facts.hoursOffered = this.participantHours[p];
    facts.hoursNeeded = this.challengeHours[c];
    facts.location = locationOf(this.participantMunicipality[p], this.challengeMunicipality[c]);
    return facts.languagesMissing === 0;
  }

  private resolve(index: Map<string, number>, id: string, kind: string, problems: string[]): number {
    const found = index.get(id);
    if (found === undefined) problems.push(`unknown ${kind} id "${id}"`);
    return found ?? -1;
  }
}

function emptyFacts(): PairFacts {
  return {
    languagesMissing: 0,
    competencesShared: 0,
    competencesWanted: 0,
    themesShared: 0,
    themesWanted: 0,
    sdgsShared: 0,
    sdgsWanted: 0,
    hoursOffered: NaN,
    hoursNeeded: NaN,
    location: Location.Unknown,
    participantPreference: 0,
    challengePreference: 0,
    participantRanked: false,
    participantPosition: -1,
    challengeRanked: false,
    challengePosition: -1,
    exclusion: undefined,
  };
}

function encodeSdgs(profiles: readonly { id: string; sdgs: readonly number[] }[], problems: string[]): Uint32Array {
  const bits = new Uint32Array(profiles.length);
  profiles.forEach((profile, row) => {
    for (const sdg of profile.sdgs) {
      if (Number.isInteger(sdg) && sdg >= 1 && sdg <= SDG_COUNT) bits[row] |= 1 << (sdg - 1);
      else problems.push(`${profile.id} has SDG ${sdg}, expected an integer 1–${SDG_COUNT}`);
    }
  });
  return bits;
}

/** Municipality codes as numbers, NaN where unknown. */
function encodeMunicipalities(profiles: readonly { id: string; municipalityCode?: string }[], problems: string[]): Float64Array {
  return Float64Array.from(profiles, ({ id, municipalityCode }) => {
    if (municipalityCode === undefined) return NaN;
    if (!MUNICIPALITY_CODE.test(municipalityCode)) {
      problems.push(`${id} has municipality code "${municipalityCode}", expected 4 digits (SCB)`);
    }
    return Number(municipalityCode);
  });
}

/** Hours per week, NaN where unknown. */
function encodeHours(profiles: readonly { id: string; hoursPerWeek?: number }[], problems: string[]): Float64Array {
  return Float64Array.from(profiles, ({ id, hoursPerWeek }) => {
    if (hoursPerWeek === undefined) return NaN;
    if (!Number.isFinite(hoursPerWeek) || hoursPerWeek < 0) problems.push(`${id} has invalid hours per week ${hoursPerWeek}`);
    return hoursPerWeek;
  });
}

/** A component's contribution `weight × coverage(shared, wanted)` for every possible overlap with each challenge. */
class ContributionTable {
  private readonly offsets: Int32Array;
  private readonly values: Float64Array;

  constructor(wanted: Int32Array, weight: number) {
    this.offsets = new Int32Array(wanted.length + 1);
    wanted.forEach((count, c) => (this.offsets[c + 1] = this.offsets[c] + count + 1));
    this.values = new Float64Array(this.offsets[wanted.length]);
    wanted.forEach((count, c) => {
      for (let shared = 0; shared <= count; shared++) this.values[this.offsets[c] + shared] = weight * coverage(shared, count);
    });
  }

  at(challenge: number, shared: number): number {
    return this.values[this.offsets[challenge] + shared];
  }
}
