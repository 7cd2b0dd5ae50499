import { Anchor, Button, Checkbox, Fieldset, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useMunicipalities } from '@web/api/reference';
import { CursorList } from '@web/components/CursorList';
import { PageTitle } from '@web/components/PageTitle';
import { DIRECTIONS, KINDS, partnerKeys, type BoardFilter, type PartnerPost, type PostDirection, type PostKind } from './queries';
import { PostBadges, PostMeta, PostTags } from './PostSummary';

/** The partner board: everyone's open posts, newest first, filtered by direction, kind, tag and municipality. */
export function PartnerBoardPage() {
  const { t } = useTranslation('partners');
  const municipalities = useMunicipalities();
  const [filter, setFilter] = useState<Omit<BoardFilter, 'tag'>>({});
  const [tag, setTag] = useState('');
  const [debouncedTag] = useDebouncedValue(tag.trim(), 300);
  const query: BoardFilter = { ...filter, tag: debouncedTag || undefined };
  const set = <K extends keyof BoardFilter>(name: K, value: BoardFilter[K]) => setFilter((previous) => ({ ...previous, [name]: value }));

  return (
    <>
      <PageTitle intro={t('board.intro')}>{t('board.title')}</PageTitle>
      <Group mb="lg">
        <Button renderRoot={(props) => <Link {...props} to="/partners/new" />}>{t('board.create')}</Button>
      </Group>
      <Paper withBorder p="md" mb="lg">
        <Fieldset legend={t('board.filters')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Select
              label={t('board.direction')}
              data={[{ value: '', label: t('board.anyDirection') }, ...DIRECTIONS.map((value) => ({ value, label: t(`directions.${value}`) }))]}
              value={filter.direction ?? ''}
              onChange={(value) => set('direction', (value || undefined) as PostDirection | undefined)}
              allowDeselect={false}
            />
            <Select
              label={t('board.kind')}
              data={[{ value: '', label: t('board.anyKind') }, ...KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))]}
              value={filter.kind ?? ''}
              onChange={(value) => set('kind', (value || undefined) as PostKind | undefined)}
              allowDeselect={false}
            />
            <TextInput label={t('board.tag')} value={tag} onChange={(event) => setTag(event.currentTarget.value)} />
            <Select
              label={t('board.municipality')}
              placeholder={t('board.anyMunicipality')}
              data={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
              value={filter.municipalityCode ?? null}
              onChange={(value) => set('municipalityCode', value ?? undefined)}
              searchable
              clearable
            />
          </SimpleGrid>
          <Group mt="md" gap="xl">
            <Checkbox label={t('board.includeExpired')} checked={filter.includeExpired ?? false} onChange={(event) => set('includeExpired', event.currentTarget.checked || undefined)} />
            <Checkbox label={t('board.mine')} checked={filter.mine ?? false} onChange={(event) => set('mine', event.currentTarget.checked || undefined)} />
          </Group>
        </Fieldset>
      </Paper>
      <CursorList
        queryKey={partnerKeys.board(query)}
        fetchPage={async (cursor) => unwrap(await api.GET('/api/partner-posts', { params: { query: { ...query, cursor, limit: 20 } } }))}
        itemKey={(post) => post.id}
        renderItem={(post) => <PostCard post={post} />}
        empty={t('board.empty')}
      />
    </>
  );
}

function PostCard({ post }: { post: PartnerPost }) {
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={`post-${post.id}`}>
      <Stack gap="xs">
        <PostBadges post={post} />
        <Title order={2} size="h3" id={`post-${post.id}`}>
          <Anchor renderRoot={(props) => <Link {...props} to="/partners/$postId" params={{ postId: post.id }} />} inherit>
            {post.title}
          </Anchor>
        </Title>
        <PostMeta post={post} />
        <Text lineClamp={3}>{post.description}</Text>
        <PostTags tags={post.tags} />
      </Stack>
    </Paper>
  );
}
