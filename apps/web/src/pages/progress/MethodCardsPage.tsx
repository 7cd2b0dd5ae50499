import { Accordion, Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { PublicationSection } from './PublicationSection';
import { progressKeys } from './queries';

type CardSummary = Schemas['MethodCardSummaryView'];

const route = getRouteApi('/manage/method-cards');
type Outcome = keyof NonNullable<Schemas['ReuseView']['outcomes']>;

/** The programme's method cards, newest revision first; each opens onto its contents, versions and reuse. One chosen in the address (`card`) is shown alone, opened. */
export function MethodCardsPage() {
  const { t } = useTranslation('progress');
  const { card } = route.useSearch();
  return (
    <>
      <PageTitle intro={t('methodCards.intro')}>{t('methodCards.title')}</PageTitle>
      {card ? (
        <ChosenCard id={card} />
      ) : (
        <CursorList
          queryKey={progressKeys.methodCards}
          fetchPage={async (cursor) => unwrap(await api.GET('/api/method-cards', { params: { query: { cursor, limit: 20 } } }))}
          itemKey={(summary) => summary.id}
          renderItem={(summary) => <MethodCard card={summary} />}
          empty={t('methodCards.empty')}
        />
      )}
    </>
  );
}

function ChosenCard({ id }: { id: string }) {
  const { t } = useTranslation('progress');
  const card = useQuery({ queryKey: progressKeys.methodCard(id), queryFn: async () => unwrap(await api.GET('/api/method-cards/{id}', { params: { path: { id } } })) });
  return (
    <Stack gap="md">
      <QueryState query={card}>{(details) => <MethodCard card={details} opened />}</QueryState>
      <Anchor renderRoot={(props) => <Link {...props} to="/manage/method-cards" />} style={{ alignSelf: 'flex-start' }}>
        {t('methodCards.all')}
      </Anchor>
    </Stack>
  );
}

function MethodCard({ card, opened = false }: { card: CardSummary; opened?: boolean }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`card-${card.id}`}>
      <Title order={2} size="h3" id={`card-${card.id}`}>
        {card.title}
      </Title>
      <Text size="sm" c="gray.7" mt={2}>
        {t('methodCards.revised', { version: card.version, when: format.date(card.revisedAt) })}
      </Text>
      <Text mt="xs">{card.whenToUse}</Text>
      <Accordion variant="separated" mt="md" chevronPosition="left" defaultValue={opened ? 'details' : null}>
        <Accordion.Item value="details">
          <Accordion.Control>{t('methodCards.details')}</Accordion.Control>
          <Accordion.Panel>
            <CardDetails id={card.id} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Paper>
  );
}

/** Read only when opened: the current version's steps and evidence, how far the card has travelled, and its versions. */
function CardDetails({ id }: { id: string }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  const card = useQuery({ queryKey: progressKeys.methodCard(id), queryFn: async () => unwrap(await api.GET('/api/method-cards/{id}', { params: { path: { id } } })) });
  const uses = useQuery({ queryKey: progressKeys.uses(id), queryFn: async () => unwrap(await api.GET('/api/method-cards/{id}/uses', { params: { path: { id } } })) });
  const versions = useQuery({
    queryKey: progressKeys.versions(id),
    queryFn: async () => unwrap(await api.GET('/api/method-cards/{id}/versions', { params: { path: { id }, query: { limit: 100 } } })),
  });
  return (
    <QueryState query={card}>
      {(details) => {
        const used = (Object.entries(details.reuse.outcomes ?? {}) as [Outcome, number][]).filter(([, count]) => count > 0);
        return (
          <Stack gap="md">
            <section>
              <Title order={3} size="h5">
                {t('methodCards.steps')}
              </Title>
              <List type="ordered" mt={4}>
                {details.steps.map((step, index) => (
                  <List.Item key={index}>{step}</List.Item>
                ))}
              </List>
            </section>
            <section>
              <Title order={3} size="h5">
                {t('methodCards.evidence')}
              </Title>
              <Text mt={4}>{details.evidence}</Text>
            </section>
            <section>
              <Title order={3} size="h5">
                {t('methodCards.reuse')}
              </Title>
              {details.reuse.tracks === 0 ? (
                <Text mt={4}>{t('methodCards.notUsed')}</Text>
              ) : (
                <>
                  <Text mt={4}>{t('methodCards.reuseSummary', { tracks: details.reuse.tracks, cohorts: details.reuse.cohorts, departments: details.reuse.departments })}</Text>
                  <List mt={4}>
                    {used.map(([outcome, count]) => (
                      <List.Item key={outcome}>
                        {t(`methodCards.outcomes.${outcome}`)}: {format.number(count)}
                      </List.Item>
                    ))}
                  </List>
                  <Title order={4} size="h6" mt="sm">
                    {t('methodCards.usedOn')}
                  </Title>
                  <QueryState query={uses}>
                    {(tracks) =>
                      tracks.length === 0 ? (
                        <Text mt={4}>{t('methodCards.usedOnNone')}</Text>
                      ) : (
                        <List mt={4}>
                          {tracks.map((use) => (
                            <List.Item key={`${use.trackId}-${use.version}`}>
                              <Anchor renderRoot={(props) => <Link {...props} to="/tracks/$trackId" params={{ trackId: use.trackId }} />} fw={600}>
                                {use.participantName}
                              </Anchor>{' '}
                              – {t('methodCards.usedOnItem', { challenge: use.challengeTitle, stage: t(`stages.${use.stage}`), version: use.version })}
                            </List.Item>
                          ))}
                        </List>
                      )
                    }
                  </QueryState>
                </>
              )}
            </section>
            <section>
              <Title order={3} size="h5">
                {t('methodCards.versions')}
              </Title>
              <QueryState query={versions}>
                {(page) => (
                  <List mt={4}>
                    {page.items.map((version) => (
                      <List.Item key={version.version}>{t('methodCards.version', { version: version.version, title: version.title, when: format.date(version.revisedAt) })}</List.Item>
                    ))}
                  </List>
                )}
              </QueryState>
            </section>
            <PublicationSection card={details} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
