import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { saveFile } from '@web/components/download';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { useFormat } from '@web/i18n/format';

/** The needs funnel over the installation, for managers: from meetings to graduated challenges, with CSV. */
export function NeedsFunnel() {
  const { t } = useTranslation('dialogue');
  const format = useFormat();
  const report = useQuery({ queryKey: ['dialogue', 'needs-funnel'], queryFn: async () => unwrap(await api.GET('/api/dialogue-reports/needs-funnel', { params: { query: {} } })) });
  const [failed, setFailed] = useState(false);
  const download = async () => {
    try {
      const csv = unwrap(await api.GET('/api/dialogue-reports/needs-funnel', { params: { query: { format: 'csv' } }, parseAs: 'text' })) as unknown as string;
      saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'needs-funnel.csv');
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="funnel-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h3" id="funnel-title">
          {t('funnel.title')}
        </Title>
        <Button variant="light" size="sm" onClick={() => void download()}>
          {t('funnel.csv')}
        </Button>
      </Group>
      {failed && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {t('funnel.downloadFailed')}
        </Alert>
      )}
      <QueryState query={report}>
        {(data) => (
          <Stack gap="md">
            <Text>
              {t('funnel.fromDialogue', { count: data.fromDialogue.challenges, all: data.fromDialogue.ofAllChallenges })}
              {data.fromDialogue.medianPeople !== null && ` ${t('funnel.median', { people: format.number(data.fromDialogue.medianPeople), sectors: format.number(data.fromDialogue.medianSectors ?? 0) })}`}
            </Text>
            <ScrollTable minWidth={260} label={t('funnel.title')}>
              <Table striped>
                <Table.Caption>{t('funnel.stepsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('funnel.step')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funnel.count')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.steps.map(({ step, count }) => (
                    <Table.Tr key={step}>
                      <Table.Th scope="row" fw={500}>
                        {t(`funnel.steps.${step}`)}
                      </Table.Th>
                      <Table.Td ta="right">{format.number(count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <ScrollTable minWidth={280} label={t('funnel.sectorsCaption')}>
              <Table striped>
                <Table.Caption>{t('funnel.sectorsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('meeting.sector')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funnel.signedUp')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('funnel.attended')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.sectors.map(({ sector, signedUp, attended }) => (
                    <Table.Tr key={sector}>
                      <Table.Th scope="row" fw={500}>
                        {t(`sectors.${sector}`)}
                      </Table.Th>
                      <Table.Td ta="right">{format.number(signedUp)}</Table.Td>
                      <Table.Td ta="right">{format.number(attended)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
