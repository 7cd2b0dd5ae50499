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

/** The department the pages work for: the one chosen, else the first of mine. */
export function chosenDepartment(departments: readonly Department[], chosenId: string | null): Department | undefined {
  return departments.find((department) => department.id === chosenId) ?? departments[0];
}

/**
 * My department once it is known; loading, failure and "no department yet" in words. Someone in
 * several departments chooses one here, and every department page follows the choice.
 */
export function DepartmentState({ children }: { children: (department: Department) => ReactNode }) {
  const { t } = useTranslation('department');
  const departments = useMyDepartments();
  const [chosenId, setChosenId] = useChosenDepartmentId();
  return (
    <QueryState query={departments}>
      {(items) => {
        const department = chosenDepartment(items, chosenId);
        if (!department) return <Text>{t('noDepartment')}</Text>;
        return (
          <>
            {items.length > 1 && (
              <Select
                label={t('chooseDepartment')}
                data={items.map((item) => ({ value: item.id, label: item.name }))}
                value={department.id}
                onChange={(value) => value && setChosenId(value)}
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
