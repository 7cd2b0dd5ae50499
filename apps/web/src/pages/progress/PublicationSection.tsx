import { Alert, Anchor, Button, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { Problem } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { progressKeys } from './queries';

type Card = Schemas['MethodCardView'];
type Publication = Schemas['MethodCardPublicationView'];
type Licence = Publication['licence'];
type Finding = { field: string; kind: 'name' | 'email' | 'phone' | 'personal_identity_number' };

const LICENCES: readonly Licence[] = ['CC-BY-4.0', 'CC0-1.0'];
const LICENCE_NAMES: Record<Licence, string> = { 'CC-BY-4.0': 'CC BY 4.0', 'CC0-1.0': 'CC0' };

/** Publishing the card's versions as open data: what is published, its citation, and publishing or withdrawing. */
export function PublicationSection({ card }: { card: Card }) {
  const { t } = useTranslation('progress');
  const queryClient = useQueryClient();
  const [licence, setLicence] = useState<Licence>('CC-BY-4.0');
  const [done, setDone] = useState<string | null>(null);
  const publications = useQuery({
    queryKey: progressKeys.publications(card.id),
    queryFn: async () => unwrap(await api.GET('/api/method-cards/{id}/publications', { params: { path: { id: card.id } } })),
    enabled: !card.origin,
  });
  const change = useMutation({
    mutationFn: async ({ version, publish, licence: chosen }: { version: number; publish: boolean; licence?: Licence }) => {
      const params = { path: { id: card.id, version } };
      return unwrap(publish ? await api.PUT('/api/method-cards/{id}/versions/{version}/publication', { params, body: { licence: chosen } }) : await api.DELETE('/api/method-cards/{id}/versions/{version}/publication', { params }));
    },
    onSuccess: async (publication) => {
      setDone(t(`methodCards.publication.done.${publication.state}`, { version: publication.version }));
      await queryClient.invalidateQueries({ queryKey: progressKeys.publications(card.id) });
    },
    onMutate: () => setDone(null),
  });

  if (card.origin) {
    return (
      <section>
        <Title order={3} size="h5">
          {t('methodCards.publication.title')}
        </Title>
        <Text mt={4}>{t('methodCards.publication.imported', { installation: card.origin.installation, licence: card.licence ? LICENCE_NAMES[card.licence as Licence] : '' })}</Text>
        {card.citation && <Citation text={card.citation} />}
      </section>
    );
  }

  return (
    <section>
      <Title order={3} size="h5">
        {t('methodCards.publication.title')}
      </Title>
      <Text mt={4} size="sm">
        {t('methodCards.publication.intro')}
      </Text>
      <PublishProblem error={change.error} />
      {done && (
        <Alert color="green" variant="light" role="status" mt="sm">
          {done}
        </Alert>
      )}
      <QueryState query={publications}>
        {(list) => {
          const current = list.find((p) => p.version === card.version);
          return (
            <Stack gap="sm" mt="sm">
              {list.length === 0 && <Text>{t('methodCards.publication.none')}</Text>}
              {list.map((publication) => (
                <PublicationItem key={publication.version} publication={publication} busy={change.isPending} onChange={(publish) => change.mutate({ version: publication.version, publish, licence: publication.licence })} />
              ))}
              {!current && (
                <Paper withBorder p="md">
                  <Radio.Group label={t('methodCards.publication.licence')} value={licence} onChange={(value) => setLicence(value as Licence)}>
                    <Stack gap="xs" mt="xs">
                      {LICENCES.map((option) => (
                        <Radio key={option} value={option} label={t(`methodCards.publication.licences.${option}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Text size="sm" c="gray.7" mt="sm">
                    {t('methodCards.publication.publishHint')}
                  </Text>
                  <Button mt="sm" loading={change.isPending} onClick={() => change.mutate({ version: card.version, publish: true, licence })}>
                    {t('methodCards.publication.publish', { version: card.version })}
                  </Button>
                </Paper>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}

function PublicationItem({ publication, busy, onChange }: { publication: Publication; busy: boolean; onChange: (publish: boolean) => void }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  const published = publication.state === 'published';
  const status = published
    ? t('methodCards.publication.published', { version: publication.version, licence: LICENCE_NAMES[publication.licence], when: format.date(publication.publishedAt) })
    : t('methodCards.publication.unpublished', { version: publication.version, licence: LICENCE_NAMES[publication.licence], when: format.date(publication.unpublishedAt ?? publication.publishedAt) });
  return (
    <Paper withBorder p="md">
      <Text fw={600}>{status}</Text>
      <Citation text={publication.citation} />
      <Group gap="md" mt="sm" wrap="wrap">
        {published && (
          <Anchor href={publication.url} target="_blank" rel="noreferrer">
            {t('methodCards.publication.open')}
          </Anchor>
        )}
        <Button variant={published ? 'default' : 'filled'} size="compact-md" loading={busy} onClick={() => onChange(!published)}>
          {published ? t('methodCards.publication.unpublish', { version: publication.version }) : t('methodCards.publication.republish', { version: publication.version })}
        </Button>
      </Group>
    </Paper>
  );
}

function Citation({ text }: { text: string }) {
  const { t } = useTranslation('progress');
  return (
    <Text size="sm" mt="xs" style={{ overflowWrap: 'anywhere' }}>
      <Text span fw={600} size="sm">
        {t('methodCards.publication.citation')}:
      </Text>{' '}
      {text}
    </Text>
  );
}

/**
 * A refusal in words; for personal data, what was found where, field by field (never the text
 * itself, which the manager sees on the card above).
 */
function PublishProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('progress');
  if (!(error instanceof ApiError) || error.problem?.code !== 'personal_data_in_publication') return <Problem error={error} areas={['progress']} />;
  const findings = (error.problem.findings ?? []) as Finding[];
  const fieldName = (field: string) => {
    const step = /^steps\[(\d+)\]$/.exec(field);
    if (step) return t('methodCards.publication.fields.step', { n: Number(step[1]) + 1 });
    return t(`methodCards.publication.fields.${field as 'title' | 'whenToUse' | 'evidence'}`);
  };
  return (
    <Alert color="red" variant="light" role="alert" title={t('methodCards.publication.refused')} mt="sm">
      <Text>{t('problems.personal_data_in_publication')}</Text>
      <Text mt="xs">{t('methodCards.publication.found')}</Text>
      <List size="sm" mt={4}>
        {findings.map((finding, index) => (
          <List.Item key={index}>{t('methodCards.publication.finding', { field: fieldName(finding.field), kind: t(`methodCards.publication.kinds.${finding.kind}`) })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
