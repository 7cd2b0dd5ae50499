/**
 * The k-anonymity rule of everything published as open data: a figure is published only when
 * it rests on at least five distinct tracks and three distinct people, so that nobody can be
 * picked out of it. Groups below the threshold are merged into one "other" group, which is
 * published only when it meets the threshold itself; otherwise they are left out.
 */
export const MIN_TRACKS = 5;
export const MIN_PEOPLE = 3;

/** What a figure rests on: the tracks and the people behind it (participants or authors, as the figure says), possibly repeated. */
export interface Evidence {
  trackIds: readonly string[];
  personIds: readonly string[];
}

export const restsOnEnough = (evidence: Evidence): boolean => new Set(evidence.trackIds).size >= MIN_TRACKS && new Set(evidence.personIds).size >= MIN_PEOPLE;

/** The evidence of several groups together, each track and person once. */
export const mergedEvidence = (groups: readonly Evidence[]): Evidence => ({
  trackIds: [...new Set(groups.flatMap((g) => g.trackIds))],
  personIds: [...new Set(groups.flatMap((g) => g.personIds))],
});

/**
 * The groups that may be published, in their order, followed by the "other" group that
 * `intoOther` makes of the small ones when that one rests on enough too.
 */
export function kAnonymous<G extends Evidence>(groups: readonly G[], intoOther: (small: readonly G[]) => G): G[] {
  const enough = groups.filter(restsOnEnough);
  const small = groups.filter((group) => !restsOnEnough(group));
  if (!small.length) return enough;
  const other = intoOther(small);
  return restsOnEnough(other) ? [...enough, other] : enough;
}
