import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import type { Page } from '@web/components/CursorList';
import { useFormat } from '@web/i18n/format';
import { cohortKey } from '@web/api/cohorts';

export type Run = Schemas['MatchingRunView'];
export type RunSummary = Schemas['MatchingRunSummaryView'];
export type RunPair = Run['pairs'][number];
export type Match = Schemas['MatchView'];
export interface PairRef {
  participantId: string;
  challengeId: string;
}

/** A run's measures, in the order a manager reads them. */
export const METRICS = ['total', 'minScore', 'matched', 'unmatched', 'seatsLeft', 'blockingPairs'] as const;

export const matchingKeys = {
  queue: ['matching', 'queue'] as const,
  cohorts: ['matching', 'cohorts'] as const,
  departments: ['matching', 'departments'] as const,
  cohort: cohortKey,
  names: (cohortId: string) => ['matching', 'cohorts', cohortId, 'names'] as const,
  runs: (cohortId: string) => ['matching', 'cohorts', cohortId, 'runs'] as const,
  run: (id: string, language: string) => ['matching', 'runs', id, language] as const,
  comparison: (first: string, second: string) => ['matching', 'runs', first, 'compare', second] as const,
  matches: (cohortId: string) => ['matching', 'cohorts', cohortId, 'matches'] as const,
};

/** Every page of a list whose length a cohort bounds (its participants, challenges, proposals). */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Reasons come from the API in the language asked for, so queries of them follow the page's. */
export const useReasonLanguage = () => {
  const { i18n } = useTranslation();
  return {
    language: i18n.language,
    headers: { 'Accept-Language': i18n.language },
  };
};

/** Every department by id, for naming a challenge's department. */
export const useDepartmentNames = () =>
  useQuery({
    queryKey: matchingKeys.departments,
    queryFn: async () => {
      const departments = await allPages(async (cursor) =>
        unwrap(
          await api.GET('/api/departments', {
            params: { query: { cursor, limit: 100 } },
          }),
        ),
      );
      return new Map(departments.map((department) => [department.id, department.name]));
    },
    staleTime: 5 * 60_000,
  });

export { useCohort } from '@web/api/cohorts';

/** The cohort's participants and challenges by id: runs and matches name people and challenges, never ids. */
export const useCohortNames = (cohortId: string) =>
  useQuery({
    queryKey: matchingKeys.names(cohortId),
    queryFn: async () => {
      const [participants, challenges] = await Promise.all([
        allPages(async (cursor) =>
          unwrap(
            await api.GET('/api/cohorts/{id}/participants', {
              params: { path: { id: cohortId }, query: { cursor, limit: 100 } },
            }),
          ),
        ),
        allPages(async (cursor) =>
          unwrap(
            await api.GET('/api/challenges', {
              params: { query: { cohortId, cursor, limit: 100 } },
            }),
          ),
        ),
      ]);
      return {
        participants: new Map(participants.map((participant) => [participant.userId, participant.displayName])),
        challenges: new Map(challenges.map((challenge) => [challenge.id, challenge.title])),
      };
    },
  });

/** Scores to two decimals, changes with their sign, and a run named by its algorithm and time to the second. */
export function useMatchingFormat() {
  const { t } = useTranslation('matching');
  const format = useFormat();
  const score = new Intl.NumberFormat(format.locale, {
    maximumFractionDigits: 2,
  });
  const change = new Intl.NumberFormat(format.locale, {
    maximumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  const time = new Intl.DateTimeFormat(format.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return {
    ...format,
    score: (value: number | null) => (value === null ? '–' : score.format(value)),
    change: (value: number | null) => (value === null ? '–' : change.format(value)),
    /** Each run's name by id; runs of the same second are told apart by their order. */
    runLabels: (runs: RunSummary[]) => {
      // Oldest first, so a later run of the same second gets the higher number.
      const named = [...runs].reverse().map((run) => ({
        id: run.id,
        label: t('matching.runLabel', { algorithm: t(`matching.algorithms.${run.algorithm as 'optimal'}`), when: time.format(new Date(run.createdAt)) }),
      }));
      const labels = new Map<string, string>();
      for (const { id, label } of named) {
        const same = named.filter((other) => other.label === label);
        labels.set(id, same.length > 1 ? t('matching.runLabelNth', { label, number: same.findIndex((other) => other.id === id) + 1 }) : label);
      }
      return labels;
    },
  };
}
