import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useCounties, useMunicipalities, useSdgs } from '@web/api/reference';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { useFormat } from '@web/i18n/format';
import { json, queryString, useGoalName } from './open-data';
import { OpenTabs } from './OpenTabs';

type Card = Schemas['OpenMethodCardView'];

const route = getRouteApi('/open/method-cards');
type Filters = ReturnType<typeof route.useSearch>;

/** Everyone's list of the method cards this installation published, searchable in Swedish; the search is in the address. */
export function OpenMethodCardsPage() {
  const { t } = useTranslation('open');
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  // A chosen filter is a step back can undo; typed text replaces the entry instead (see TypedFilter).
  const onFilters = (change: Partial<Filters>, replace = false) => navigate({ search: (previous) => ({ ...previous, ...change }), replace, resetScroll: false });
  const address = queryString({ ...filters, limit: 100 });
  return (
    <>
      <PageTitle intro={t('cards.intro')}>{t('cards.title')}</PageTitle>
      <OpenTabs />
      <CardFilters filters={filters} onFilters={onFilters} />
      <Group component="ul" gap="lg" mb="md" p={0} style={{ listStyle: 'none' }} aria-label={t('cards.downloads')}>
        <li>
          <Anchor href={`/api/open/method-cards?${address}`}>{t('cards.json')}</Anchor>
        </li>
        <li>
          <Anchor href={`/api/open/method-cards?${queryString({ ...filters, format: 'csv', limit: 100 })}`} download>
            {t('csv')}
          </Anchor>
        </li>
        <li>
          <Anchor href="/api/open/catalogue">{t('cards.catalogue')}</Anchor>
        </li>
      </Group>
      <CursorList
        queryKey={['open', 'method-cards', filters]}
        fetchPage={async (cursor) => json(unwrap(await api.GET('/api/open/method-cards', { params: { query: { ...filters, cursor, limit: 20 } } })))}
        itemKey={(card) => card.id}
        renderItem={(card) => <CardSummary card={card} />}
        empty={t('cards.empty')}
      />
    </>
  );
}

/**
 * A text field whose value goes into the address once typing pauses, replacing the entry: no
 * request and no history entry per keystroke. The address wins when it changes (back, forward).
 */
function TypedFilter({ value, onValue, ...props }: { value?: string; onValue: (value: string | undefined) => void } & Omit<Parameters<typeof TextInput>[0], 'value' | 'onChange'>) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value ?? '');
  }
  const commit = useDebouncedCallback((next: string) => onValue(next.trim() ? next : undefined), 300);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
    />
  );
}

function CardFilters({ filters, onFilters }: { filters: Filters; onFilters: (change: Partial<Filters>, replace?: boolean) => void }) {
  const { t } = useTranslation('open');
  const sdgs = useSdgs();
  const goalName = useGoalName();
  const counties = useCounties();
  const municipalities = useMunicipalities();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));
  const inCounty = (municipalities.data ?? []).filter((m) => !filters.county || m.countyCode === filters.county);
  return (
    <Paper component="fieldset" withBorder p="md" mb="lg">
      <Text component="legend" fw={600} px={4}>
        {t('filters.legend')}
      </Text>
      <TypedFilter type="search" label={t('cards.search')} description={t('cards.searchHint')} value={filters.q} onValue={(q) => onFilters({ q }, true)} maxLength={200} mb="md" />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        <Select
          label={t('filters.sdg')}
          searchable
          data={[
            { value: '', label: t('filters.anySdg') },
            ...(sdgs.data ?? []).map((goal) => ({
              value: String(goal.number),
              label: goalName(goal.number),
            })),
          ]}
          value={filters.sdg ? String(filters.sdg) : ''}
          onChange={(value) => onFilters({ sdg: value ? Number(value) : undefined })}
          allowDeselect={false}
        />
        <TypedFilter label={t('cards.tag')} value={filters.tag} onValue={(tag) => onFilters({ tag }, true)} maxLength={50} />
        <Select
          label={t('filters.county')}
          searchable
          data={[
            { value: '', label: t('filters.anyCounty') },
            ...(counties.data ?? []).map((county) => ({
              value: county.code,
              label: county.name,
            })),
          ]}
          value={filters.county ?? ''}
          onChange={(value) => onFilters({ county: value || undefined, municipality: undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('cards.municipality')}
          searchable
          data={[{ value: '', label: t('cards.anyMunicipality') }, ...inCounty.map((m) => ({ value: m.code, label: m.name }))]}
          value={filters.municipality ?? ''}
          onChange={(value) => onFilters({ municipality: value || undefined })}
          allowDeselect={false}
        />
        <Select
          label={t('cards.year')}
          data={[{ value: '', label: t('filters.anyYear') }, ...years.map((year) => ({ value: year, label: year }))]}
          value={filters.year ? String(filters.year) : ''}
          onChange={(value) => onFilters({ year: value ? Number(value) : undefined })}
          allowDeselect={false}
        />
      </SimpleGrid>
    </Paper>
  );
}

function CardSummary({ card }: { card: Card }) {
  const { t } = useTranslation('open');
  const format = useFormat();
  const goalName = useGoalName();
  return (
    <Paper component="article" withBorder p={{ base: 'sm', sm: 'lg' }} aria-labelledby={`card-${card.id}`}>
      <Title order={2} size="h4" id={`card-${card.id}`} mb={4}>
        <Anchor renderRoot={(props) => <Link {...props} to="/open/method-cards/$card" params={{ card: card.slug }} />} inherit>
          {card.title}
        </Anchor>
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        {t('cards.meta', {
          publisher: card.publisher,
          version: card.version,
          date: format.date(card.publishedAt),
          licence: t(`licences.${card.licence}`),
        })}
      </Text>
      <Text lineClamp={3}>{card.whenToUse}</Text>
      {(card.sdgs.length > 0 || card.tags.length > 0) && (
        <Group gap={6} mt="sm">
          {card.sdgs.map((sdg) => (
            <Badge key={sdg} variant="light" color="civic" tt="none">
              {goalName(sdg)}
            </Badge>
          ))}
          {card.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}
