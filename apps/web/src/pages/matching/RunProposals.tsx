import { Alert, Badge, Button, Group, List, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { ScrollTable } from '@web/components/ScrollTable';
import { matchingKeys, useCohortNames, useMatchingFormat, useReasonLanguage, type PairRef, type Run, type RunPair, type RunSummary } from './queries';

interface RunProposalsProps {
  cohortId: string;
  runs: RunSummary[];
  runId: string;
  onShow: (runId: string) => void;
  onRerun: (base: Run, change: { pins?: PairRef[]; forbidden?: PairRef[] }) => void;
  rerunning: boolean;
  /** What became of the last pin, forbid or release asked from here. */
  rerunOutcome: { error: unknown; notice: string | null } | null;
}

const samePair = (a: PairRef) => (b: PairRef) => a.participantId === b.participantId && a.challengeId === b.challengeId;

/** One run's proposals with their scores and reasons; pairs pinned or forbidden into a new run; publishing it. */
export function RunProposals({ cohortId, runs, runId, onShow, onRerun, rerunning, rerunOutcome }: RunProposalsProps) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const labels = format.runLabels(runs);
  const { language, headers } = useReasonLanguage();
  const names = useCohortNames(cohortId);
  const run = useQuery({
    queryKey: matchingKeys.run(runId, language),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/matching-runs/{id}', {
          params: { path: { id: runId } },
          headers,
        }),
      ),
    staleTime: Infinity,
  });
  const participant = (id: string) => names.data?.participants.get(id) ?? t('matching.unknownParticipant');
  const challenge = (id: string) => names.data?.challenges.get(id) ?? '…';
  const options = runs.map((summary) => ({
    value: summary.id,
    label: labels.get(summary.id) ?? '',
  }));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="proposals-heading">
      <Title order={2} size="h3" id="proposals-heading" mb="sm">
        {t('matching.pairs.title')}
      </Title>
      <Select label={t('matching.pairs.run')} data={options} value={runId} onChange={(value) => value && onShow(value)} allowDeselect={false} maw={420} mb="md" />
      {rerunOutcome && <Problem error={rerunOutcome.error} areas={['matching']} />}
      {rerunOutcome?.notice && !rerunOutcome.error && (
        <Alert color="green" role="status" mb="md">
          {rerunOutcome.notice}
        </Alert>
      )}
      <QueryState query={run}>
        {(current) => {
          const namesOf = (pair: PairRef) => ({
            participant: participant(pair.participantId),
            challenge: challenge(pair.challengeId),
          });
          return (
            <Stack gap="lg">
              {current.pairs.length === 0 ? (
                <Text>{t('matching.pairs.empty')}</Text>
              ) : (
                <ScrollTable minWidth={820} label={t('matching.pairs.caption')}>
                  <Table striped withTableBorder verticalSpacing="sm">
                    <Table.Caption>{t('matching.pairs.caption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('matching.pairs.participant')}</Table.Th>
                        <Table.Th scope="col">{t('matching.pairs.challenge')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('matching.pairs.score')}
                        </Table.Th>
                        <Table.Th scope="col" w="40%">
                          {t('matching.pairs.reason')}
                        </Table.Th>
                        <Table.Th scope="col">{t('matching.pairs.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {current.pairs.map((pair) => (
                        <PairRow
                          key={`${pair.participantId}|${pair.challengeId}`}
                          pair={pair}
                          names={namesOf(pair)}
                          disabled={rerunning}
                          onPin={() =>
                            onRerun(current, {
                              pins: [
                                ...current.pins,
                                {
                                  participantId: pair.participantId,
                                  challengeId: pair.challengeId,
                                },
                              ],
                            })
                          }
                          onForbid={() =>
                            onRerun(current, {
                              forbidden: [
                                ...current.forbidden,
                                {
                                  participantId: pair.participantId,
                                  challengeId: pair.challengeId,
                                },
                              ],
                              pins: current.pins.filter((pin) => !samePair(pin)(pair)),
                            })
                          }
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              {current.pins.length + current.forbidden.length > 0 && (
                <div>
                  <Title order={3} size="h4" mb="xs">
                    {t('matching.pairs.constraints')}
                  </Title>
                  <Stack gap="xs">
                    {(['pins', 'forbidden'] as const).flatMap((kind) =>
                      current[kind].map((pair) => (
                        <Group key={`${kind}|${pair.participantId}|${pair.challengeId}`} gap="sm" wrap="wrap">
                          <Text>{t(kind === 'pins' ? 'matching.pairs.pinnedPair' : 'matching.pairs.forbiddenPair', namesOf(pair))}</Text>
                          <Button
                            size="compact-sm"
                            variant="default"
                            disabled={rerunning}
                            aria-label={t('matching.pairs.releaseLabel', namesOf(pair))}
                            onClick={() =>
                              onRerun(current, {
                                [kind]: current[kind].filter((other) => !samePair(other)(pair)),
                              })
                            }
                          >
                            {t('matching.pairs.release')}
                          </Button>
                        </Group>
                      )),
                    )}
                  </Stack>
                </div>
              )}
              {current.unmatched.length > 0 && (
                <div>
                  <Title order={3} size="h4" mb="xs">
                    {t('matching.pairs.unmatched')}
                  </Title>
                  <List>
                    {current.unmatched.map((person) => (
                      <List.Item key={person.participantId}>
                        {participant(person.participantId)}: {t(`matching.pairs.why.${person.why}`)}
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
              <RunActions key={current.id} run={current} cohortId={cohortId} />
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}

interface PairRowProps {
  pair: RunPair;
  names: { participant: string; challenge: string };
  disabled: boolean;
  onPin: () => void;
  onForbid: () => void;
}

function PairRow({ pair, names, disabled, onPin, onForbid }: PairRowProps) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const parts = pair.components
    .filter((component) => component.weight > 0)
    .map((component) =>
      t('matching.pairs.component', {
        name: t(`matching.pairs.componentNames.${component.component as 'competences'}`, { defaultValue: component.component }),
        value: format.score(component.value),
        weight: format.score(component.weight),
      }),
    );
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {names.participant}
      </Table.Th>
      <Table.Td>{names.challenge}</Table.Td>
      <Table.Td ta="right">{format.score(pair.score)}</Table.Td>
      <Table.Td>
        <Text size="sm">{pair.reason}</Text>
        <Text size="sm" c="gray.7" mt={4}>
          {t('matching.pairs.components')}: {parts.join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {pair.pinned ? (
            <Badge variant="light" tt="none" radius="sm" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
              {t('matching.pairs.pinned')}
            </Badge>
          ) : (
            <Button size="compact-sm" variant="default" disabled={disabled} onClick={onPin} aria-label={t('matching.pairs.pinLabel', names)}>
              {t('matching.pairs.pin')}
            </Button>
          )}
          <Button size="compact-sm" variant="default" disabled={disabled} onClick={onForbid} aria-label={t('matching.pairs.forbidLabel', names)}>
            {t('matching.pairs.forbid')}
          </Button>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** Publishing the run (once) and checking that its frozen input gives the same result again. */
function RunActions({ run, cohortId }: { run: Run; cohortId: string }) {
  const { t } = useTranslation('matching');
  const format = useMatchingFormat();
  const queryClient = useQueryClient();
  const { headers } = useReasonLanguage();
  const [publishing, setPublishing] = useState(false);
  const [respondBy, setRespondBy] = useState('');
  const repeat = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/matching-runs/{id}/repeat', {
          params: { path: { id: run.id } },
        }),
      ),
  });
  const publish = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/matching-runs/{id}/publish', {
          params: { path: { id: run.id } },
          // The end of the chosen day where the manager is.
          body: respondBy ? { respondBy: new Date(`${respondBy}T23:59:59`).toISOString() } : {},
          headers,
        }),
      ),
    onSuccess: async () => {
      setPublishing(false);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: matchingKeys.runs(cohortId),
        }),
        queryClient.invalidateQueries({
          queryKey: ['matching', 'runs', run.id],
        }),
        queryClient.invalidateQueries({
          queryKey: matchingKeys.matches(cohortId),
        }),
      ]);
    },
  });
  const published = publish.data?.items.length;
  return (
    <Stack gap="sm">
      {published !== undefined && (
        <Alert color="green" role="status">
          {t('matching.publish.done', {
            count: published,
            formatted: format.number(published),
          })}
        </Alert>
      )}
      {repeat.data && (
        <Alert color={repeat.data.identical ? 'green' : 'orange'} role="status">
          {t(repeat.data.identical ? 'matching.repeat.identical' : 'matching.repeat.different')}
        </Alert>
      )}
      <Problem error={repeat.error} areas={['matching']} />
      {!publishing && <Problem error={publish.error} areas={['matching']} />}
      <Group gap="sm">
        {run.publishedAt ? (
          <Text fw={600}>
            {t('matching.publish.publishedAt', {
              when: format.dateTime(run.publishedAt),
            })}
          </Text>
        ) : (
          <Button onClick={() => setPublishing(true)}>{t('matching.publish.action')}</Button>
        )}
        <Button variant="default" onClick={() => repeat.mutate()} loading={repeat.isPending}>
          {t('matching.repeat.action')}
        </Button>
      </Group>
      <Modal opened={publishing} onClose={() => setPublishing(false)} title={t('matching.publish.title')} closeButtonProps={{ 'aria-label': t('close', { ns: 'common' }) }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            publish.mutate();
          }}
          noValidate
        >
          <Stack gap="md">
            <Text>{t('matching.publish.body')}</Text>
            <Problem error={publish.error} areas={['matching']} />
            <TextInput
              type="date"
              label={t('matching.publish.respondBy')}
              description={t('matching.publish.respondByHint')}
              value={respondBy}
              onChange={(event) => setRespondBy(event.currentTarget.value)}
              error={fieldErrors(publish.error).respondBy}
            />
            <Group gap="sm">
              <Button type="submit" loading={publish.isPending}>
                {t('matching.publish.confirm')}
              </Button>
              <Button variant="default" onClick={() => setPublishing(false)}>
                {t('cancel', { ns: 'common' })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
