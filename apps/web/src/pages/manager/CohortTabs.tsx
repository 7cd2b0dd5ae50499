import { Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The cohort's pages, one link each, shown under every cohort page's title. */
export function CohortTabs({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('manager');
  const params = { cohortId };
  return (
    <Group component="nav" aria-label={t('cohortTabs.label')} gap={4} mb="lg">
      <Link to="/manage/cohorts/$cohortId" params={params} className="nav-link" activeOptions={{ exact: true }}>
        {t('cohortTabs.overview')}
      </Link>
      <Link to="/manage/cohorts/$cohortId/applications" params={params} className="nav-link">
        {t('cohortTabs.applications')}
      </Link>
      <Link to="/manage/cohorts/$cohortId/matching" params={params} className="nav-link">
        {t('cohortTabs.matching')}
      </Link>
      <Link to="/manage/cohorts/$cohortId/tracks" params={params} className="nav-link">
        {t('cohortTabs.tracks')}
      </Link>
      <Link to="/manage/cohorts/$cohortId/impact" params={params} className="nav-link">
        {t('cohortTabs.impact')}
      </Link>
    </Group>
  );
}
