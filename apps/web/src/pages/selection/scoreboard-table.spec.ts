/// <reference types="jest" />
import type { ReviewerFigures, ScoreRow } from '@web/pages/selection/queries';
import { filterRows, reviewerLeanings, sortRows } from '@web/pages/selection/scoreboard-table';

const row = (applicantName: string, overrides: Partial<ScoreRow> = {}): ScoreRow => ({
  applicationId: applicantName,
  applicantId: applicantName,
  applicantName,
  state: 'submitted',
  reviewCount: 2,
  weightedMean: 3,
  spread: 0.5,
  normalisedScore: 0,
  rankByMean: 1,
  rankByNormalised: 1,
  disagreement: false,
  ...overrides,
});

const names = (rows: ScoreRow[]) => rows.map((r) => r.applicantName);
const NO_FILTER = { text: '', state: null, disagreementOnly: false };

describe('the scoreboard table in the browser', () => {
  const rows = [
    row('Zara', { normalisedScore: 0.4, weightedMean: 3.5 }),
    row('Åsa', { normalisedScore: 1.2, weightedMean: 4.5, state: 'accepted', disagreement: true }),
    row('Bo', { reviewCount: 0, weightedMean: null, spread: null, normalisedScore: null, rankByMean: null, rankByNormalised: null }),
    row('Ali', { normalisedScore: -1, weightedMean: 2, state: 'rejected' }),
  ];

  it('sorts by a score either way, with the unreviewed application last both times', () => {
    expect(names(sortRows(rows, { key: 'normalisedScore', direction: 'desc' }))).toEqual(['Åsa', 'Zara', 'Ali', 'Bo']);
    expect(names(sortRows(rows, { key: 'normalisedScore', direction: 'asc' }))).toEqual(['Ali', 'Zara', 'Åsa', 'Bo']);
  });

  it('sorts names the Swedish way, å after z', () => {
    expect(names(sortRows(rows, { key: 'applicantName', direction: 'asc' }))).toEqual(['Ali', 'Bo', 'Zara', 'Åsa']);
  });

  it('filters by part of the name, by state and by strong disagreement', () => {
    expect(names(filterRows(rows, { ...NO_FILTER, text: ' åS ' }))).toEqual(['Åsa']);
    expect(names(filterRows(rows, { ...NO_FILTER, state: 'rejected' }))).toEqual(['Ali']);
    expect(names(filterRows(rows, { ...NO_FILTER, disagreementOnly: true }))).toEqual(['Åsa']);
  });

  it('shows a reviewer who scores everyone high as lenient beside the jury’s mean', () => {
    const reviewers: ReviewerFigures[] = [
      { reviewerId: 'a', reviewerName: 'Generös', count: 4, mean: 4.6, spread: 0.2 },
      { reviewerId: 'b', reviewerName: 'Sträng', count: 4, mean: 2.4, spread: 0.8 },
      { reviewerId: 'c', reviewerName: 'Mitten', count: 4, mean: 3.5, spread: 0.6 },
    ];
    const leanings = reviewerLeanings(reviewers);
    expect(leanings.map((r) => [r.reviewerName, r.kind])).toEqual([
      ['Generös', 'lenient'],
      ['Sträng', 'strict'],
      ['Mitten', 'typical'],
    ]);
    // The jury's mean is 3.5: the lenient reviewer lies 1.1 above it.
    expect(leanings[0].leaning).toBeCloseTo(1.1, 6);
  });

  it('filters and sorts a cohort of 2,000 applications in well under a frame', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      row(`Sökande ${(i * 7919) % 2000}`, { applicationId: String(i), normalisedScore: i % 13 === 0 ? null : Math.sin(i), weightedMean: 1 + (i % 40) / 10, disagreement: i % 9 === 0 }),
    );
    const started = performance.now();
    const sorted = sortRows(filterRows(many, { ...NO_FILTER, text: 'sökande 1' }), { key: 'normalisedScore', direction: 'desc' });
    const byName = sortRows(many, { key: 'applicantName', direction: 'asc' });
    const elapsed = performance.now() - started;
    expect(sorted.length).toBeGreaterThan(100);
    expect(byName[0].applicantName).toBe('Sökande 0');
    // A few milliseconds; the bound catches an accidental quadratic sort.
    expect(elapsed).toBeLessThan(200);
  });
});
