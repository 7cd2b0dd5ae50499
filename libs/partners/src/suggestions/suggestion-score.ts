import { coverage, Location, locationOf, locationValue, normaliseTag, resolveWeights } from '@samverka/matching';

/** Why a suggestion fits, as codes and numbers: the reader's app words them in the reader's language. */
export type SuggestionReason =
  | { code: 'shared_tags'; shared: number; wanted: number; tags: string[] }
  | { code: 'same_municipality' | 'same_county' | 'another_county' };

export interface SuggestionScore {
  /** In [0, 1]: the matching engine's competence (tag coverage) and location components, weighted as in a matching run. */
  score: number;
  sharedTags: string[];
  reasons: SuggestionReason[];
}

/** A side of a pair: its tags and municipality (4-digit SCB code). */
export interface Scored {
  tags: readonly string[];
  municipalityCode: string | null;
}

// The engine's default weights with only tags (as competences) and location left, rescaled to sum to 1.
const WEIGHTS = resolveWeights({ themes: 0, sdgs: 0, availability: 0, participantPreference: 0, challengePreference: 0 });

const LOCATION_REASONS: Partial<Record<Location, SuggestionReason>> = {
  [Location.SameMunicipality]: { code: 'same_municipality' },
  [Location.SameCounty]: { code: 'same_county' },
  [Location.Elsewhere]: { code: 'another_county' },
};

const codeOf = (code: string | null): number => (code === null ? Number.NaN : Number(code));

/**
 * Scores what `offering` has against what `wanting` asks for: the share of the wanting side's
 * tags the offering side has, and how near they are. Null when no tag is shared — nearness
 * alone makes no partner.
 */
export function scoreSuggestion(wanting: Scored, offering: Scored): SuggestionScore | null {
  // Tags compare as the engine compares them.
  const wanted = [...new Set(wanting.tags.map(normaliseTag))];
  const offered = new Set(offering.tags.map(normaliseTag));
  const sharedTags = wanted.filter((tag) => offered.has(tag));
  if (!sharedTags.length) return null;
  const location = locationOf(codeOf(wanting.municipalityCode), codeOf(offering.municipalityCode));
  const raw = WEIGHTS.competences * coverage(sharedTags.length, wanted.length) + WEIGHTS.location * locationValue(location);
  const near = LOCATION_REASONS[location];
  return {
    score: Math.round(raw * 1000) / 1000,
    sharedTags,
    reasons: [{ code: 'shared_tags', shared: sharedTags.length, wanted: wanted.length, tags: sharedTags }, ...(near ? [near] : [])],
  };
}
