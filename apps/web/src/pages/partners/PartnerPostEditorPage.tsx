import { Anchor, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch, type Schemas } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { useMunicipalities } from '@web/api/reference';
import { hasRole, useUser } from '@web/auth/use-session';
import { swedishCollator } from '@web/i18n/format';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { DIRECTIONS, KINDS, partnerKeys, usePartnerPost, type PartnerPost } from './queries';

type PostInput = Schemas['PartnerPostDto'];

/** The roles that may list challenges (each sees those within their scope); a reviewer sees none. */
const LIST_CHALLENGES = ['admin', 'programme_manager', 'department_member', 'entrepreneur'] as const;
/** Challenges still open to partners, as the suggestions count them. */
const OPEN_STATES = ['approved', 'matched'] as const;

/** A month ahead: long enough for an answer, short enough that the board stays current. */
const inAMonth = (): string => {
  const date = new Date();
  date.setMonth(date.getMonth() + 1);
  return date.toLocaleDateString('sv-SE');
};

/** Writing a new post. */
export function NewPartnerPostPage() {
  const { t } = useTranslation('partners');
  return (
    <>
      <PageTitle intro={t('editor.intro')}>{t('editor.createTitle')}</PageTitle>
      <PostEditor post={null} onReload={() => undefined} />
    </>
  );
}

/** Changing one's own post, on the version read (a stale one offers to reload). */
export function EditPartnerPostPage() {
  const { t } = useTranslation('partners');
  const { postId } = useParams({ from: '/partners/$postId/edit' });
  const post = usePartnerPost(postId);
  return (
    <>
      <PageTitle>{t('editor.editTitle')}</PageTitle>
      <QueryState query={post}>{(current) => <PostEditor key={current.version} post={current} onReload={() => void post.refetch()} />}</QueryState>
    </>
  );
}

function PostEditor({ post, onReload }: { post: PartnerPost | null; onReload: () => void }) {
  const { t } = useTranslation('partners');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<PostInput>(() => ({
    direction: post?.direction ?? 'look_for',
    kind: post?.kind ?? 'competence',
    title: post?.title ?? '',
    description: post?.description ?? '',
    tags: post?.tags ?? [],
    municipalityCode: post?.municipalityCode ?? null,
    endsOn: post?.endsOn ?? inAMonth(),
    // An edit keeps the challenge the post names.
    challengeId: post?.challengeId ?? null,
  }));
  const set = <K extends keyof PostInput>(name: K, value: PostInput[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const user = useUser();
  const challenges = useQuery({
    queryKey: partnerKeys.openChallenges,
    enabled: form.kind === 'challenge_partner' && LIST_CHALLENGES.some((role) => hasRole(user, role)),
    queryFn: async () => {
      const pages = await Promise.all(OPEN_STATES.map(async (state) => unwrap(await api.GET('/api/challenges', { params: { query: { state, limit: 100 } } })).items));
      return pages.flat().sort((a, b) => swedishCollator.compare(a.title, b.title));
    },
  });
  const challengeOptions = [
    ...(challenges.data ?? []).map((challenge) => ({ value: challenge.id, label: challenge.title })),
    // The challenge an edited post already names stays choosable even if it is no longer open.
    ...(post?.challengeId && post.challengeTitle && !challenges.data?.some((challenge) => challenge.id === post.challengeId) ? [{ value: post.challengeId, label: post.challengeTitle }] : []),
  ];

  // Only a search for a partner to a challenge names one here.
  const body: PostInput = { ...form, challengeId: form.kind === 'challenge_partner' ? form.challengeId : null };
  const save = useMutation({
    mutationFn: async () =>
      post
        ? unwrap(await api.PUT('/api/partner-posts/{id}', { params: { path: { id: post.id }, header: ifMatch(post.version) }, body }))
        : unwrap(await api.POST('/api/partner-posts', { body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(partnerKeys.post(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      await navigate({ to: '/partners/$postId', params: { postId: saved.id } });
    },
  });
  const messages = fieldErrors(save.error);
  const labels: Record<string, string> = {
    direction: t('editor.direction'),
    kind: t('editor.kind'),
    title: t('editor.title'),
    description: t('editor.description'),
    tags: t('editor.tags'),
    municipalityCode: t('editor.municipality'),
    endsOn: t('editor.endsOn'),
    challengeId: t('editor.challenge'),
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
      <Problem error={save.error} areas={['partners']} labels={labels} onReload={onReload} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <Radio.Group id={fieldId('direction')} label={labels.direction} value={form.direction} onChange={(value) => set('direction', value as PostInput['direction'])} error={messages.direction}>
            <Group mt="xs" gap="xl">
              {DIRECTIONS.map((value) => (
                <Radio key={value} value={value} label={t(`directions.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Select
            id={fieldId('kind')}
            label={labels.kind}
            data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
            value={form.kind}
            onChange={(value) => value && set('kind', value as PostInput['kind'])}
            allowDeselect={false}
            error={messages.kind}
            maw={420}
          />
          {form.kind === 'challenge_partner' && challengeOptions.length > 0 && (
            <Select
              id={fieldId('challengeId')}
              label={labels.challengeId}
              description={t('editor.challengeHint')}
              data={challengeOptions}
              value={form.challengeId ?? null}
              onChange={(value) => set('challengeId', value)}
              error={messages.challengeId}
              searchable
              clearable
              maw={560}
            />
          )}
          <TextInput id={fieldId('title')} label={labels.title} required value={form.title} onChange={(event) => set('title', event.currentTarget.value)} error={messages.title} maxLength={200} />
          <Textarea
            id={fieldId('description')}
            label={labels.description}
            required
            autosize
            minRows={4}
            value={form.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={messages.description}
            maxLength={4000}
          />
          <TagsInput id={fieldId('tags')} label={labels.tags} description={t('editor.tagsHint')} value={form.tags} onChange={(value) => set('tags', value)} error={messages.tags} maxTags={20} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Select
              id={fieldId('municipalityCode')}
              label={labels.municipalityCode}
              data={(municipalities.data ?? []).map((municipality) => ({ value: municipality.code, label: municipality.name }))}
              value={form.municipalityCode ?? null}
              onChange={(value) => set('municipalityCode', value)}
              error={messages.municipalityCode}
              searchable
              clearable
            />
            <TextInput id={fieldId('endsOn')} type="date" label={labels.endsOn} required value={form.endsOn} onChange={(event) => set('endsOn', event.currentTarget.value)} error={messages.endsOn} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {post ? t('editor.save') : t('editor.publish')}
            </Button>
            <Anchor renderRoot={(props) => (post ? <Link {...props} to="/partners/$postId" params={{ postId: post.id }} /> : <Link {...props} to="/partners" />)}>{t('editor.cancel')}</Anchor>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
