import { Select, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@web/api/client';
import { QueryState } from '@web/components/QueryState';
import { useMyDepartments } from './queries';

type Department = Schemas['DepartmentView'];

/** The department chosen last, kept across pages and visits on this browser. */
const useChosenDepartmentId = () => useLocalStorage<string | null>({ key: 'samverka.department', defaultValue: null });

/** The department the pages work for: the one chosen, else the first of mine (undefined while loading or with none). */
export function useChosenDepartment() {
  const departments = useMyDepartments();
  const [chosenId, choose] = useChosenDepartmentId();
  const items = departments.data ?? [];
  return { departments, department: items.find((department) => department.id === chosenId) ?? items[0], choose };
}

/**
 * My department once it is known; loading, failure and "no department yet" in words. Someone in
 * several departments chooses one here, and every department page follows the choice.
 */
export function DepartmentState({ children }: { children: (department: Department) => ReactNode }) {
  const { t } = useTranslation('department');
  const { departments, department, choose } = useChosenDepartment();
  return (
    <QueryState query={departments}>
      {(items) => {
        if (!department) return <Text>{t('noDepartment')}</Text>;
        return (
          <>
            {items.length > 1 && (
              <Select
                label={t('chooseDepartment')}
                data={items.map((item) => ({ value: item.id, label: item.name }))}
                value={department.id}
                onChange={(value) => value && choose(value)}
                allowDeselect={false}
                maw={360}
                mb="lg"
              />
            )}
            {children(department)}
          </>
        );
      }}
    </QueryState>
  );
}
