import { CohortScoring } from './cohort-scoring.js';
import { Location, locationOf, locationValue } from './components.js';
import type { ChallengeProfile, ParticipantProfile } from './profiles.js';
import { DEFAULT_WEIGHTS } from './weights.js';

// SCB codes: 0180 Stockholm and 0114 Upplands Väsby are both in county 01 (Stockholm);
// 1283 Helsingborg is in county 12 (Skåne). 0180 and 0114 share two leading digits, not three.
const participant = (municipalityCode?: string): ParticipantProfile => ({ id: 'p', competences: [], themes: [], sdgs: [], languages: [], municipalityCode });
const challenge = (municipalityCode?: string): ChallengeProfile => ({ id: 'c', seats: 1, competences: [], themes: [], sdgs: [], languagesRequired: [], municipalityCode });

function explainLocation(participantCode: string | undefined, challengeCode: string | undefined) {
  const explanation = new CohortScoring({ participants: [participant(participantCode)], challenges: [challenge(challengeCode)] }).explain('p', 'c');
  const location = explanation.components.find((component) => component.component === 'location')!;
  return { value: location.value, contribution: location.contribution, reason: explanation.reason.en, reasonSv: explanation.reason.sv };
}

describe('the location component, worked examples', () => {
  it('same municipality (0180/0180): 1, "same municipality"', () => {
    const location = explainLocation('0180', '0180');
    expect(location.value).toBe(1);
    expect(location.contribution).toBeCloseTo(DEFAULT_WEIGHTS.location * 1, 12);
    expect(location.reason).toContain('same municipality');
    expect(location.reasonSv).toContain('samma kommun');
  });

  it('same county, another municipality (0180/0114): 0.5, "same county" — the county is the first two digits', () => {
    const location = explainLocation('0180', '0114');
    expect(location.value).toBe(0.5);
    expect(location.contribution).toBeCloseTo(DEFAULT_WEIGHTS.location * 0.5, 12);
    expect(location.reason).toContain('same county');
    expect(location.reasonSv).toContain('samma län');
  });

  it('another county (0180/1283): 0, "another county"', () => {
    const location = explainLocation('0180', '1283');
    expect(location.value).toBe(0);
    expect(location.contribution).toBe(0);
    expect(location.reason).toContain('another county');
    expect(location.reasonSv).toContain('annat län');
  });

  it('a missing code on either side: neutral 0.5, and the reason says nothing of place', () => {
    for (const [participantCode, challengeCode] of [
      [undefined, '0180'],
      ['0180', undefined],
      [undefined, undefined],
    ]) {
      const location = explainLocation(participantCode, challengeCode);
      expect(location.value).toBe(0.5);
      expect(location.reason).not.toMatch(/municipality|county/);
      expect(location.reasonSv).not.toMatch(/kommun|län/);
    }
  });

  it('locationOf and locationValue agree with the examples', () => {
    expect(locationOf(180, 180)).toBe(Location.SameMunicipality);
    expect(locationOf(180, 114)).toBe(Location.SameCounty);
    expect(locationOf(180, 1283)).toBe(Location.Elsewhere);
    expect(locationOf(1280, 1283)).toBe(Location.SameCounty);
    expect(locationOf(Number.NaN, 180)).toBe(Location.Unknown);
    expect([Location.SameMunicipality, Location.SameCounty, Location.Elsewhere, Location.Unknown].map(locationValue)).toEqual([1, 0.5, 0, 0.5]);
  });
});
