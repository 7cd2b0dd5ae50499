import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { ChallengeStateBadge } from './ChallengeStateBadge';
import { DepartmentState, useChosenDepartment } from './DepartmentState';
import { keys, STATES, type ChallengeState } from './queries';

/** The department's challenges by state, with Swedish full-text search, page by page. */
export function ChallengesPage() {
  const { t } = useTranslation('department');
  const { department } = useChosenDepartment();
  return (
    <>
      <PageTitle intro={department && t('list.intro', { department: department.name })}>{t('list.title')}</PageTitle>
      <DepartmentState>{(chosen) => <ChallengeList departmentId={chosen.id} />}</DepartmentState>
    </>
  );
}

function ChallengeList({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation('department');
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<ChallengeState | null>(null);
  return (
    <Stack gap="lg">
      <Button renderRoot={(props) => <Link {...props} to="/challenges/$challengeId" params={{ challengeId: 'new' }} />} style={{ alignSelf: 'flex-start' }}>
        {t('list.create')}
      </Button>
      <Group align="flex-end" gap="md" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput type="search" label={t('list.search')} description={t('list.searchHint')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} miw={240} />
        <Select
          label={t('list.state')}
          data={[{ value: '', label: t('list.allStates') }, ...STATES.map((value) => ({ value, label: t(`states.${value}`) }))]}
          value={state ?? ''}
          onChange={(value) => setState(value ? (value as ChallengeState) : null)}
          allowDeselect={false}
          miw={200}
        />
      </Group>
      <CursorList
        queryKey={[...keys.challenges, 'list', departmentId, state, q]}
        fetchPage={async (cursor) =>
          unwrap(
            await api.GET('/api/challenges', {
              params: {
                query: {
                  departmentId,
                  cursor,
                  limit: 20,
                  state: state ?? undefined,
                  q: q || undefined,
                },
              },
            })
          )
        }
        itemKey={(challenge) => challenge.id}
        empty={q ? t('list.emptySearch') : t('list.empty')}
        renderItem={(challenge) => (
          <Paper withBorder p="md">
            <Group justify="space-between" gap="xs" align="flex-start">
              <Anchor renderRoot={(props) => <Link {...props} to="/challenges/$challengeId" params={{ challengeId: challenge.id }} />} fw={600} size="lg">
                {challenge.title}
              </Anchor>
              <ChallengeStateBadge state={challenge.state} />
            </Group>
            <Text size="sm" c="gray.7" mt={4}>
              {t('list.updated', {
                when: format.dateTime(challenge.updatedAt),
              })}
            </Text>
          </Paper>
        )}
      />
    </Stack>
  );
}
