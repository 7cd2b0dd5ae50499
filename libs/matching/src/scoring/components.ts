/** What a component gives when one side left the information out: the middle, so it neither helps nor punishes. */
export const NEUTRAL = 0.5;

export const Location = { SameMunicipality: 0, SameCounty: 1, Elsewhere: 2, Unknown: 3 } as const;
export type Location = (typeof Location)[keyof typeof Location];

const LOCATION_VALUE = [1, NEUTRAL, 0, NEUTRAL];

/** Share of the challenge's tags the participant has; neutral when the challenge lists none. */
export function coverage(shared: number, wanted: number): number {
  return wanted === 0 ? NEUTRAL : shared / wanted;
}

/** Hours offered over hours needed, capped at 1; neutral when either is unknown. */
export function availability(offered: number, needed: number): number {
  if (Number.isNaN(offered) || Number.isNaN(needed)) return NEUTRAL;
  return needed <= 0 ? 1 : Math.min(1, offered / needed);
}

/** Municipality codes as numbers (4-digit SCB code, NaN when missing); the county is the first two digits. */
export function locationOf(participantCode: number, challengeCode: number): Location {
  if (Number.isNaN(participantCode) || Number.isNaN(challengeCode)) return Location.Unknown;
  if (participantCode === challengeCode) return Location.SameMunicipality;
  return Math.floor(participantCode / 100) === Math.floor(challengeCode / 100) ? Location.SameCounty : Location.Elsewhere;
}

export function locationValue(location: Location): number {
  return LOCATION_VALUE[location];
}

/**
 * A side's preference for a partner: 1 for its first choice down to 1/length for its last, 0 for partners it did not
 * rank. A side that gave no ranks is neutral towards everyone.
 */
export function rankValue(position: number, length: number): number {
  if (length === 0) return NEUTRAL;
  return position < 0 ? 0 : 1 - position / length;
}
