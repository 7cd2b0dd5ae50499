import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@web/api/client';
import { QueryState } from '@web/components/QueryState';
import { useMyDepartments } from './queries';

/** My department once it is known; loading, failure and "no department yet" in words. */
export function DepartmentState({ children }: { children: (department: Schemas['DepartmentView']) => ReactNode }) {
  const { t } = useTranslation('department');
  const departments = useMyDepartments();
  return <QueryState query={departments}>{(items) => (items[0] ? children(items[0]) : <Text>{t('noDepartment')}</Text>)}</QueryState>;
}
