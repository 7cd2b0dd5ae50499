/**
 * Sorting, filtering and reading the scoreboard in the browser. Plain functions over the API's
 * rows, so a cohort of thousands sorts in milliseconds and the rules are tested without React.
 */
import { swedishCollator } from '@web/i18n/format';
import type { ApplicationState, ReviewerFigures, ScoreRow } from './queries';

export const SORT_KEYS = ['applicantName', 'state', 'reviewCount', 'weightedMean', 'spread', 'normalisedScore'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface RowFilter {
  text: string;
  state: ApplicationState | null;
  disagreementOnly: boolean;
}

const STATE_ORDER: Record<ApplicationState, number> = { draft: 0, submitted: 1, waitlisted: 2, accepted: 3, rejected: 4, withdrawn: 5 };

function compare(a: ScoreRow, b: ScoreRow, key: SortKey): number {
  switch (key) {
    case 'applicantName':
      return swedishCollator.compare(a.applicantName, b.applicantName);
    case 'state':
      return STATE_ORDER[a.state] - STATE_ORDER[b.state];
    default:
      return (a[key] ?? 0) - (b[key] ?? 0);
  }
}

/** Unscored rows (no reviews yet) stay last whichever way a score column is sorted. */
const unscored = (row: ScoreRow, key: SortKey): boolean => (key === 'weightedMean' || key === 'spread' || key === 'normalisedScore') && row[key] === null;

export function sortRows(rows: readonly ScoreRow[], sort: Sort): ScoreRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const aNone = unscored(a, sort.key);
    const bNone = unscored(b, sort.key);
    if (aNone !== bNone) return aNone ? 1 : -1;
    // Ties keep the scoreboard's order by name, so the table does not shuffle between sorts.
    return sign * compare(a, b, sort.key) || swedishCollator.compare(a.applicantName, b.applicantName);
  });
}

export function filterRows(rows: readonly ScoreRow[], filter: RowFilter): ScoreRow[] {
  const text = filter.text.trim().toLocaleLowerCase('sv-SE');
  return rows.filter(
    (row) =>
      (!filter.state || row.state === filter.state) &&
      (!filter.disagreementOnly || row.disagreement) &&
      (!text || row.applicantName.toLocaleLowerCase('sv-SE').includes(text)),
  );
}

/** How far a reviewer's mean lies from the cohort's mean before they count as lenient or strict (on the 1–5 scale). */
export const LEANING_THRESHOLD = 0.5;

export interface ReviewerLeaning extends ReviewerFigures {
  /** The reviewer's mean minus the mean of every review in the cohort: above 0 scores higher than the others. */
  leaning: number;
  kind: 'lenient' | 'strict' | 'typical';
}

/** Each reviewer beside the jury as a whole, so one who scores everyone high is seen at a glance. */
export function reviewerLeanings(reviewers: readonly ReviewerFigures[]): ReviewerLeaning[] {
  const reviews = reviewers.reduce((sum, r) => sum + r.count, 0);
  const overall = reviews ? reviewers.reduce((sum, r) => sum + r.count * r.mean, 0) / reviews : 0;
  return reviewers.map((reviewer) => {
    const leaning = reviewer.mean - overall;
    const kind = leaning >= LEANING_THRESHOLD ? 'lenient' : leaning <= -LEANING_THRESHOLD ? 'strict' : 'typical';
    return { ...reviewer, leaning, kind };
  });
}
