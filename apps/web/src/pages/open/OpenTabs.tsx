import { Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The parts of "What we learned", one link each, under the title of each of its pages. */
export function OpenTabs() {
  const { t } = useTranslation('open');
  return (
    <Group component="nav" aria-label={t('tabs.label')} gap={4} mb="lg">
      <Link to="/open" className="nav-link" activeOptions={{ exact: true }}>
        {t('tabs.learnings')}
      </Link>
      <Link to="/open/method-cards" className="nav-link">
        {t('tabs.methodCards')}
      </Link>
    </Group>
  );
}
