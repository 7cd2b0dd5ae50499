import { Alert, Anchor, Badge, Button, Code, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { ApiError, unwrap } from '@web/api/problem';
import { useMunicipalities } from '@web/api/reference';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { json, useGoalName } from './open-data';
import { OpenTabs } from './OpenTabs';

type Card = Schemas['OpenMethodCardView'];

/** A withdrawn publication answers 410 with the citation of what was published there. */
const withdrawn = (error: unknown): string | undefined => (error instanceof ApiError && error.status === 410 ? error.problem?.citation ?? '' : undefined);

/** Everyone's page of one published method card: its newest version, or the version the address names. */
export function OpenMethodCardPage() {
  const { card: cardId } = useParams({ from: '/open/method-cards/$card' });
  const { version } = useSearch({ from: '/open/method-cards/$card' });
  const card = useQuery({
    queryKey: ['open', 'method-card', cardId, version],
    queryFn: async () =>
      json(
        version
          ? unwrap(await api.GET('/api/open/method-cards/{card}/versions/{version}', { params: { path: { card: cardId, version } } }))
          : unwrap(
              await api.GET('/api/open/method-cards/{card}', {
                params: { path: { card: cardId } },
              })
            )
      ),
    retry: (count, error) => withdrawn(error) === undefined && error instanceof ApiError && error.status >= 500 && count < 2,
  });
  const citation = withdrawn(card.error);
  if (citation !== undefined) return <Withdrawn citation={citation} version={version} />;
  return (
    <QueryState query={card}>
      {(data) => (
        <>
          <PageTitle>{data.title}</PageTitle>
          <OpenTabs />
          <CardContent card={data} />
        </>
      )}
    </QueryState>
  );
}

function Withdrawn({ citation, version }: { citation: string; version?: number }) {
  const { t } = useTranslation('open');
  return (
    <>
      <PageTitle>{t('card.withdrawnTitle')}</PageTitle>
      <OpenTabs />
      <Alert color="orange" variant="light" title={version ? t('card.withdrawnVersion', { version }) : t('card.withdrawnCard')} mb="lg">
        <Text mb="sm">{t('card.withdrawnText')}</Text>
        {citation && <Citation citation={citation} />}
      </Alert>
      <Anchor component={Link} to="/open/method-cards">
        {t('card.back')}
      </Anchor>
    </>
  );
}

/** The citation line, with a button that copies it. */
function Citation({ citation }: { citation: string }) {
  const { t } = useTranslation('open');
  return (
    <Stack gap="xs" align="flex-start">
      <Code
        block
        style={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          width: '100%',
        }}
      >
        {citation}
      </Code>
      <CopyButton value={citation}>
        {({ copied, copy }) => (
          <Button size="xs" variant="default" onClick={copy} aria-live="polite">
            {copied ? t('card.copied') : t('card.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function CardContent({ card }: { card: Card }) {
  const { t } = useTranslation('open');
  const format = useFormat();
  const goalName = useGoalName();
  const municipalities = useMunicipalities();
  const places = card.municipalityCodes.map((code) => municipalities.data?.find((m) => m.code === code)?.name).filter((name): name is string => Boolean(name));
  const versionPath = `/api/open/method-cards/${card.slug}/versions/${card.version}`;
  return (
    <Stack gap="xl">
      <Text c="gray.8">
        {t('cards.meta', {
          publisher: card.publisher,
          version: card.version,
          date: format.date(card.publishedAt),
          licence: t(`licences.${card.licence}`),
        })}
      </Text>
      <Part id="card-when" title={t('card.whenToUse')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{card.whenToUse}</Text>
      </Part>
      <Part id="card-steps" title={t('card.steps')}>
        <List type="ordered" spacing="xs">
          {card.steps.map((step, index) => (
            <List.Item key={index}>{step}</List.Item>
          ))}
        </List>
      </Part>
      <Part id="card-evidence" title={t('card.evidence')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{card.evidence}</Text>
      </Part>
      {(card.sdgs.length > 0 || card.tags.length > 0 || places.length > 0) && (
        <Part id="card-about" title={t('card.about')}>
          <Stack gap="xs">
            {card.sdgs.length > 0 && (
              <Text>
                {t('card.goals', {
                  goals: card.sdgs.map((sdg) => goalName(sdg)).join(', '),
                })}
              </Text>
            )}
            {places.length > 0 && <Text>{t('card.places', { places: places.join(', ') })}</Text>}
            {card.tags.length > 0 && (
              <Group gap={6}>
                {card.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </Part>
      )}
      <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby="card-reuse">
        <Title order={2} size="h3" id="card-reuse" mb="xs">
          {t('card.reuse')}
        </Title>
        <Text mb="sm">
          {t('card.licence')}{' '}
          <Anchor href={card.licenceUri} target="_blank" rel="noreferrer">
            {t(`licences.${card.licence}`)}
          </Anchor>
        </Text>
        <Text fw={600} mb={4}>
          {t('card.citation')}
        </Text>
        <Citation citation={card.citation} />
        <Group component="ul" gap="lg" mt="md" p={0} style={{ listStyle: 'none' }}>
          <li>
            <Anchor href={versionPath}>{t('cards.json')}</Anchor>
          </li>
          <li>
            <Anchor href={`${versionPath}?format=csv`} download>
              {t('csv')}
            </Anchor>
          </li>
          <li>
            <Anchor href="/api/open/catalogue">{t('cards.catalogue')}</Anchor>
          </li>
        </Group>
      </Paper>
      <Part id="card-versions" title={t('card.versions')}>
        <CursorList
          queryKey={['open', 'method-card-versions', card.slug]}
          fetchPage={async (cursor) =>
            json(
              unwrap(
                await api.GET('/api/open/method-cards/{card}/versions', {
                  params: {
                    path: { card: card.slug },
                    query: { cursor, limit: 20 },
                  },
                })
              )
            )
          }
          itemKey={(version) => String(version.version)}
          renderItem={(version) =>
            version.version === card.version ? (
              <Text aria-current="page">
                {t('card.versionCurrent', {
                  version: version.version,
                  date: format.date(version.publishedAt),
                })}
              </Text>
            ) : (
              <Anchor renderRoot={(props) => <Link {...props} to="/open/method-cards/$card" params={{ card: card.slug }} search={{ version: version.version }} />}>
                {t('card.versionLink', {
                  version: version.version,
                  date: format.date(version.publishedAt),
                })}
              </Anchor>
            )
          }
          empty={t('card.noVersions')}
        />
      </Part>
    </Stack>
  );
}
