import { SCORE_SCALE } from '../problem.js';
import { Location, availability, coverage, locationValue } from './components.js';
import { SCORE_COMPONENTS, type ScoreComponent, type ScoreWeights } from './weights.js';

/** What is known about one pair: the counts behind each component and the hard-rule outcome. */
export interface PairFacts {
  languagesMissing: number;
  competencesShared: number;
  competencesWanted: number;
  themesShared: number;
  themesWanted: number;
  sdgsShared: number;
  sdgsWanted: number;
  /** NaN when not given. */
  hoursOffered: number;
  hoursNeeded: number;
  location: Location;
  participantPreference: number;
  challengePreference: number;
  participantRanked: boolean;
  participantPosition: number;
  challengeRanked: boolean;
  challengePosition: number;
  exclusion: 'conflict' | 'forbidden' | undefined;
}

export interface Bilingual {
  sv: string;
  en: string;
}

export interface ComponentExplanation {
  component: ScoreComponent;
  value: number;
  weight: number;
  contribution: number;
}

export interface PairExplanation {
  participant: string;
  challenge: string;
  allowed: boolean;
  /** The pair's score as the matrix holds it (rounded to 1e-6); null when not allowed. */
  score: number | null;
  components: ComponentExplanation[];
  reason: Bilingual;
}

export function describePair(
  participant: string,
  challenge: string,
  facts: PairFacts,
  weights: ScoreWeights,
): PairExplanation {
  const values: Record<ScoreComponent, number> = {
    competences: coverage(facts.competencesShared, facts.competencesWanted),
    themes: coverage(facts.themesShared, facts.themesWanted),
    sdgs: coverage(facts.sdgsShared, facts.sdgsWanted),
    availability: availability(facts.hoursOffered, facts.hoursNeeded),
    location: locationValue(facts.location),
    participantPreference: facts.participantPreference,
    challengePreference: facts.challengePreference,
  };
  const components = SCORE_COMPONENTS.map((component) => ({
    component,
    value: values[component],
    weight: weights[component],
    contribution: weights[component] * values[component],
  }));
  const exclusions = notAllowedBecause(facts);
  const allowed = exclusions.length === 0;
  // Summed in component order, exactly as the matrix is, so the rounded score is identical.
  const raw = components.reduce((sum, { contribution }) => sum + contribution, 0);
  const phrases = allowed
    ? SCORE_COMPONENTS.filter((component) => weights[component] > 0).flatMap((component) => phrase(component, facts))
    : exclusions.map((exclusion) => ({ sv: `ej tillåtet: ${exclusion.sv}`, en: `not allowed: ${exclusion.en}` }));
  return {
    participant,
    challenge,
    allowed,
    score: allowed ? Math.round(raw * SCORE_SCALE) / SCORE_SCALE : null,
    components,
    reason: {
      sv: sentence(phrases.map((entry) => entry.sv)),
      en: sentence(phrases.map((entry) => entry.en)),
    },
  };
}

function notAllowedBecause(facts: PairFacts): Bilingual[] {
  const reasons: Bilingual[] = [];
  if (facts.languagesMissing > 0) {
    reasons.push({ sv: 'kräver ett språk deltagaren inte talar', en: 'requires a language the participant does not speak' });
  }
  if (facts.exclusion === 'conflict') reasons.push({ sv: 'jäv (intressekonflikt)', en: 'conflict of interest' });
  if (facts.exclusion === 'forbidden') reasons.push({ sv: 'förbjudet par', en: 'forbidden pair' });
  return reasons;
}

function phrase(component: ScoreComponent, facts: PairFacts): Bilingual[] {
  switch (component) {
    case 'competences':
      return [
        facts.competencesWanted === 0
          ? { sv: 'inga kompetenskrav', en: 'no competences required' }
          : {
              sv: `täcker ${facts.competencesShared} av ${facts.competencesWanted} kompetenser`,
              en: `covers ${facts.competencesShared} of ${facts.competencesWanted} competences`,
            },
      ];
    case 'themes':
      return facts.themesWanted === 0
        ? []
        : [{ sv: `${facts.themesShared} av ${facts.themesWanted} teman`, en: `${facts.themesShared} of ${facts.themesWanted} themes` }];
    case 'sdgs':
      return facts.sdgsWanted === 0
        ? []
        : [
            {
              sv: `${facts.sdgsShared} av ${facts.sdgsWanted} globala mål`,
              en: `${facts.sdgsShared} of ${facts.sdgsWanted} SDGs`,
            },
          ];
    case 'availability':
      return Number.isNaN(facts.hoursOffered) || Number.isNaN(facts.hoursNeeded)
        ? []
        : [
            {
              sv: `${facts.hoursOffered} av ${facts.hoursNeeded} timmar i veckan`,
              en: `${facts.hoursOffered} of ${facts.hoursNeeded} hours a week`,
            },
          ];
    case 'location':
      return [LOCATION_PHRASES[facts.location]].filter((entry) => entry !== undefined);
    case 'participantPreference':
      return preferencePhrase(facts.participantRanked, facts.participantPosition, 'deltagarens', "the participant's");
    case 'challengePreference':
      return preferencePhrase(facts.challengeRanked, facts.challengePosition, 'utmaningens', "the challenge's");
  }
}

const LOCATION_PHRASES: Record<Location, Bilingual | undefined> = {
  [Location.SameMunicipality]: { sv: 'samma kommun', en: 'same municipality' },
  [Location.SameCounty]: { sv: 'samma län', en: 'same county' },
  [Location.Elsewhere]: { sv: 'annat län', en: 'another county' },
  [Location.Unknown]: undefined,
};

function preferencePhrase(ranked: boolean, position: number, sv: string, en: string): Bilingual[] {
  if (!ranked) return [];
  return position < 0
    ? [{ sv: `inte bland ${sv} val`, en: `not among ${en} choices` }]
    : [{ sv: `${sv} val nr ${position + 1}`, en: `${en} choice no. ${position + 1}` }];
}

function sentence(phrases: string[]): string {
  const text = phrases.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
