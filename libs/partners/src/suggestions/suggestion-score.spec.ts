import { scoreSuggestion } from './suggestion-score.js';

const HELSINGBORG = '1283';
const HOGANAS = '1284';
const STOCKHOLM = '0180';

describe('scoring a suggestion with the matching engine’s tag and location components', () => {
  const wanting = { tags: ['Äldre', 'ensamhet', 'mötesplats'], municipalityCode: HELSINGBORG };

  it('suggests nothing without a shared tag, however near', () => {
    expect(scoreSuggestion(wanting, { tags: ['idrott'], municipalityCode: HELSINGBORG })).toBeNull();
  });

  it('covers the looking side’s tags, compared normalised, and names the shared ones', () => {
    const scored = scoreSuggestion(wanting, { tags: ['äldre ', 'ENSAMHET', 'app'], municipalityCode: HELSINGBORG });
    expect(scored?.reasons).toEqual([{ code: 'shared_tags', shared: 2, wanted: 3, tags: ['äldre', 'ensamhet'] }, { code: 'same_municipality' }]);
  });

  it('weighs tags as the engine weighs competences against location: 0.35 to 0.1, rescaled', () => {
    const all = { tags: wanting.tags, municipalityCode: HELSINGBORG };
    expect(scoreSuggestion(wanting, all)?.score).toBe(1);
    // Same tags, another county: the location component is 0, leaving 0.35 / 0.45.
    expect(scoreSuggestion(wanting, { ...all, municipalityCode: STOCKHOLM })?.score).toBe(0.778);
    // Same county: neutral (0.5) for location.
    expect(scoreSuggestion(wanting, { ...all, municipalityCode: HOGANAS })?.reasons).toContainEqual({ code: 'same_county' });
    expect(scoreSuggestion(wanting, { ...all, municipalityCode: HOGANAS })?.score).toBe(0.889);
  });

  it('treats a missing municipality as neutral and gives no location reason', () => {
    const scored = scoreSuggestion(wanting, { tags: wanting.tags, municipalityCode: null });
    expect(scored?.score).toBe(0.889);
    expect(scored?.reasons.map((reason) => reason.code)).toEqual(['shared_tags']);
  });
});
