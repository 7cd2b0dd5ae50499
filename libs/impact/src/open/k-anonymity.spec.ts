import { kAnonymous, mergedEvidence, restsOnEnough, type Evidence } from './k-anonymity.js';

interface Group extends Evidence {
  name: string;
}

const tracks = (...numbers: number[]) => numbers.map((n) => `track-${n}`);
const people = (...numbers: number[]) => numbers.map((n) => `person-${n}`);
const group = (name: string, trackIds: string[], personIds: string[]): Group => ({ name, trackIds, personIds });
const other = (small: readonly Group[]): Group => ({ name: 'other', ...mergedEvidence(small) });

describe('k-anonymity of published figures', () => {
  it('needs five distinct tracks: four are not enough', () => {
    expect(restsOnEnough({ trackIds: tracks(1, 2, 3, 4), personIds: people(1, 2, 3, 4) })).toBe(false);
    expect(restsOnEnough({ trackIds: tracks(1, 2, 3, 4, 5), personIds: people(1, 2, 3, 4, 5) })).toBe(true);
  });

  it('counts a track or a person once, however often they appear', () => {
    expect(restsOnEnough({ trackIds: tracks(1, 1, 2, 3, 4, 4), personIds: people(1, 2, 3) })).toBe(false);
  });

  it('needs three distinct people even on five tracks', () => {
    expect(restsOnEnough({ trackIds: tracks(1, 2, 3, 4, 5), personIds: people(1, 2, 1, 2, 1) })).toBe(false);
    expect(restsOnEnough({ trackIds: tracks(1, 2, 3, 4, 5), personIds: people(1, 2, 3, 1, 2) })).toBe(true);
  });

  it('merges the small groups into "other" when together they rest on enough', () => {
    const published = kAnonymous(
      [group('tillit', tracks(1, 2, 3, 4, 5), people(1, 2, 3, 4, 5)), group('lokaler', tracks(1, 2, 3), people(1, 2, 3)), group('språk', tracks(6, 7), people(6, 7))],
      other,
    );
    expect(published.map((g) => [g.name, new Set(g.trackIds).size])).toEqual([
      ['tillit', 5],
      ['other', 5],
    ]);
  });

  it('leaves the small groups out when "other" would not rest on enough either', () => {
    const published = kAnonymous([group('tillit', tracks(1, 2, 3, 4, 5), people(1, 2, 3, 4, 5)), group('lokaler', tracks(1, 2), people(1, 2)), group('språk', tracks(2, 3), people(2, 3))], other);
    expect(published.map((g) => g.name)).toEqual(['tillit']);
  });
});
