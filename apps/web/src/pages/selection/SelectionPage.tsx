import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { saveFile } from '@web/components/download';
import { PageTitle } from '@web/components/PageTitle';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { CohortTabs } from '@web/pages/manager/CohortTabs';
import { ApplicationsTable } from './ApplicationsTable';
import { decidesNow, seatsOf, useCohort, useScoreboard, type Cohort, type Scoreboard } from './queries';
import { ReviewerFiguresTable } from './ReviewerFiguresTable';
import { SeatSummary } from './SeatSummary';

/** The manager's calibrated scoreboard of a cohort: seats, reviewers' leanings, the applications, decisions. */
export function SelectionPage() {
  const { cohortId } = useParams({ from: '/manage/cohorts/$cohortId/applications' });
  const { t } = useTranslation('selection');
  const cohort = useCohort(cohortId);
  const scoreboard = useScoreboard(cohortId);
  return (
    <QueryState query={cohort}>
      {(data) => (
        <>
          <PageTitle intro={t('selection.intro')}>{t('selection.title', { cohort: data.name })}</PageTitle>
          <CohortTabs cohortId={cohortId} />
          <QueryState query={scoreboard}>{(board) => <Selection cohort={data} board={board} />}</QueryState>
        </>
      )}
    </QueryState>
  );
}

function Selection({ cohort, board }: { cohort: Cohort; board: Scoreboard }) {
  const { t } = useTranslation('selection');
  const { t: states } = useTranslation('entrepreneur');
  const seats = seatsOf(cohort, board.rows);
  const deciding = decidesNow(cohort);
  return (
    <Stack gap="lg">
      {!deciding && (
        <Alert color="civic" variant="light">
          {t('selection.notDeciding', { state: states(`cohorts.states.${cohort.state}`) })}
        </Alert>
      )}
      <CsvDownload cohortId={cohort.id} />
      <SeatSummary {...seats} />
      <ReviewerFiguresTable reviewers={board.reviewers} />
      <ApplicationsTable cohortId={cohort.id} rows={board.rows} deciding={deciding} seatsLeft={seats.left} />
    </Stack>
  );
}

/** The scoreboard as the API's CSV, fetched with the session's token and saved from a Blob. */
function CsvDownload({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('selection');
  const download = useMutation({
    mutationFn: async () => {
      const blob = unwrap(await api.GET('/api/cohorts/{id}/scoreboard', { params: { path: { id: cohortId }, query: { format: 'csv' } }, parseAs: 'blob' }));
      saveFile(blob as Blob, `poanglista-${new Date().toISOString().slice(0, 10)}.csv`);
    },
  });
  return (
    <div>
      <Problem error={download.error} />
      <Group>
        <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
          {t('selection.download')}
        </Button>
        {download.isPending && (
          <Text size="sm" role="status">
            {t('selection.downloading')}
          </Text>
        )}
      </Group>
    </div>
  );
}
