import { emptyRouteToAdoption, missingForSubmission, type ChallengeContent } from './challenge-content.js';
import { diffSnapshots } from './revision-diff.js';

const complete = (): ChallengeContent => ({
  title: 'Fler unga i föreningslivet',
  problemStatement: 'Unga i Drottninghög deltar sällan i föreningar.',
  targetGroup: 'Unga 13–18 år',
  desiredOutcome: 'Fler unga är med i en förening.',
  themes: ['inkludering'],
  sdgs: [4, 10],
  competences: ['design'],
  languages: ['sv'],
  municipalityCode: '1283',
  hoursPerWeek: 10,
  seats: 1,
  testEnvironmentIds: [],
  routeToAdoption: {
    needOwner: { name: 'Eva Ek', role: 'Enhetschef', email: null, phone: null },
    uptake: 'operations_budget',
    uptakeNote: 'Fritidsbudgeten 2027',
    adoptedMeans: 'Metoden används på tre fritidsgårdar.',
  },
});

describe('submission completeness', () => {
  it('accepts a complete challenge', () => {
    expect(missingForSubmission(complete())).toEqual([]);
  });

  it('names every missing part of the route to adoption', () => {
    const content = { ...complete(), routeToAdoption: emptyRouteToAdoption() };
    expect(missingForSubmission(content).map((e) => e.field)).toEqual([
      'routeToAdoption.needOwner.name',
      'routeToAdoption.needOwner.role',
      'routeToAdoption.uptake',
      'routeToAdoption.uptakeNote',
      'routeToAdoption.adoptedMeans',
    ]);
  });

  it('treats blank text as missing', () => {
    expect(missingForSubmission({ ...complete(), problemStatement: '   ' }).map((e) => e.field)).toEqual(['problemStatement']);
  });
});

describe('revision diff', () => {
  it('lists changed fields by dotted path, lists compared as a whole', () => {
    const before = complete();
    const after = { ...complete(), sdgs: [4], routeToAdoption: { ...before.routeToAdoption, needOwner: { ...before.routeToAdoption.needOwner, role: 'Förvaltningschef' } } };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'sdgs', before: [4, 10], after: [4] },
      { field: 'routeToAdoption.needOwner.role', before: 'Enhetschef', after: 'Förvaltningschef' },
    ]);
  });

  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots(complete(), complete())).toEqual([]);
  });
});
