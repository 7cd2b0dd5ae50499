import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { hasRole, useUser } from '@web/auth/use-session';
import { PageTitle } from '@web/components/PageTitle';
import { Problem, fieldId } from '@web/components/Problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { partnerKeys, usePartnerPost, type PartnerInterest, type PartnerPost } from './queries';
import { Suggestions } from './Suggestions';
import { Mark, PostBadges, PostTags, useMunicipalityName } from './PostSummary';

/** One post: what it says, its author's tools (change, withdraw, answer interest), an admin's hiding, contact, and Samverka's suggestions. */
export function PartnerPostPage() {
  const { t } = useTranslation('partners');
  const { postId } = useParams({ from: '/partners/$postId' });
  const post = usePartnerPost(postId);
  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/partners" />} size="sm" mb="sm" display="inline-block">
        ← {t('post.back')}
      </Anchor>
      <QueryState query={post}>{(current) => <PostDetails post={current} onReload={() => void post.refetch()} />}</QueryState>
    </>
  );
}

function PostDetails({ post, onReload }: { post: PartnerPost; onReload: () => void }) {
  const { t } = useTranslation('partners');
  const format = useFormat();
  const user = useUser();
  const place = useMunicipalityName(post.municipalityCode);
  const open = post.state === 'open' && !post.hidden && !post.expired;
  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{post.title}</PageTitle>
        <PostBadges post={post} />
      </div>
      {post.hidden && (
        <Alert color="red" variant="light" title={t('post.hiddenTitle')}>
          {post.hiddenReason ? t('post.hiddenReason', { reason: post.hiddenReason }) : t('post.hiddenNoReason')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="post-about">
        <Title order={2} size="h3" id="post-about" mb="sm">
          {t('post.about')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{post.description}</Text>
        <Stack gap={6} mt="md">
          {post.challengeTitle && <Field label={t('post.challenge')}>{post.challengeTitle}</Field>}
          <Field label={t('post.where')}>{place ?? t('post.nowhere')}</Field>
          <Field label={t('post.endsOn')}>{format.date(post.endsOn)}</Field>
          <Field label={t('post.author')}>{post.authorName}</Field>
        </Stack>
        <Stack gap={4} mt="md">
          <Text size="sm" fw={600}>
            {t('post.tags')}
          </Text>
          <PostTags tags={post.tags} />
        </Stack>
        {post.mine && post.state === 'open' && <AuthorTools post={post} onReload={onReload} />}
      </Paper>
      {/* Keyed by the action, so that hiding and showing again each start with an empty form and no old problem. */}
      {hasRole(user, 'admin') && <ModerationSection key={post.hidden ? 'unhide' : 'hide'} post={post} onReload={onReload} />}
      {post.mine ? <InterestsInPost postId={post.id} /> : <MyInterest post={post} open={open} />}
      <Suggestions postId={post.id} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

/** After a change of the post's state: the page shows the post as saved, and the board's lists are fetched anew. */
function useSavedPost() {
  const queryClient = useQueryClient();
  return async (saved: PartnerPost) => {
    queryClient.setQueryData(partnerKeys.post(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: partnerKeys.all });
  };
}

/** Change or withdraw one's own post; withdrawing asks first. */
function AuthorTools({ post, onReload }: { post: PartnerPost; onReload: () => void }) {
  const { t } = useTranslation('partners');
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/partner-posts/{id}/withdraw', { params: { path: { id: post.id }, header: ifMatch(post.version) } })),
    onSuccess: useSavedPost(),
  });
  return (
    <Stack gap="sm" mt="lg">
      <Problem error={withdraw.error} areas={['partners']} onReload={onReload} />
      <Group>
        <Button variant="default" renderRoot={(props) => <Link {...props} to="/partners/$postId/edit" params={{ postId: post.id }} />}>
          {t('post.edit')}
        </Button>
        {!confirming && (
          <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
            {t('post.withdraw')}
          </Button>
        )}
      </Group>
      {confirming && (
        <Alert color="red" variant="light" title={t('post.withdraw')}>
          <Text size="sm">{t('post.withdrawConfirm')}</Text>
          <Group mt="sm">
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t('post.withdrawYes')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('editor.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * An admin's moderation of the post: hiding it with a reason its author sees, or, once hidden,
 * showing it again (its author is told, and the reason leaves the post).
 */
function ModerationSection({ post, onReload }: { post: PartnerPost; onReload: () => void }) {
  const { t } = useTranslation('partners');
  const action = post.hidden ? 'unhide' : 'hide';
  const [reason, setReason] = useState('');
  const moderate = useMutation({
    mutationFn: async () =>
      unwrap(
        action === 'hide'
          ? await api.POST('/api/partner-posts/{id}/hide', { params: { path: { id: post.id }, header: ifMatch(post.version) }, body: { reason } })
          : await api.POST('/api/partner-posts/{id}/unhide', { params: { path: { id: post.id }, header: ifMatch(post.version) } }),
      ),
    onSuccess: useSavedPost(),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    moderate.mutate();
  };
  const titleId = `post-${action}`;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb={4}>
        {t(`${action}.title`)}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {t(`${action}.intro`)}
      </Text>
      <Problem
        error={moderate.error}
        areas={['partners']}
        labels={{ reason: t('hide.reason') }}
        onReload={() => {
          moderate.reset();
          onReload();
        }}
        form={action}
      />
      <form onSubmit={onSubmit} noValidate>
        {action === 'hide' && (
          <Textarea id={fieldId('reason', action)} label={t('hide.reason')} required autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={fieldErrors(moderate.error).reason} maxLength={2000} />
        )}
        <Button type="submit" color={action === 'hide' ? 'red' : undefined} mt={action === 'hide' ? 'sm' : undefined} loading={moderate.isPending}>
          {t(`${action}.submit`)}
        </Button>
      </form>
    </Paper>
  );
}

/** The reader's "I am interested", its answer, and the poster's address once both agreed. */
function MyInterest({ post, open }: { post: PartnerPost; open: boolean }) {
  const { t } = useTranslation('partners');
  const queryClient = useQueryClient();
  const interest = post.myInterest;
  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: partnerKeys.post(post.id) });
    await queryClient.invalidateQueries({ queryKey: partnerKeys.interests(post.id) });
  };
  const express = useMutation({ mutationFn: async () => unwrap(await api.POST('/api/partner-posts/{id}/interests', { params: { path: { id: post.id } } })), onSuccess: settle });
  const withdraw = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/partner-interests/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: settle,
  });
  const canExpress = open && (!interest || interest.state === 'withdrawn');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="post-contact">
      <Title order={2} size="h3" id="post-contact" mb={4}>
        {t('interest.title')}
      </Title>
      <Text size="sm" c="gray.8" mb="md">
        {t('interest.intro')}
      </Text>
      <Problem error={express.error ?? withdraw.error} areas={['partners']} />
      <Stack gap="sm" role="status">
        {interest?.state === 'pending' && <Text>{t('interest.pending')}</Text>}
        {interest?.state === 'accepted' && (
          <Text>
            {t('interest.accepted')}{' '}
            {interest.posterEmail && (
              <Anchor href={`mailto:${interest.posterEmail}`} fw={600}>
                {interest.posterEmail}
              </Anchor>
            )}
          </Text>
        )}
        {interest?.state === 'declined' && <Text>{t('interest.declined')}</Text>}
        {interest?.state === 'withdrawn' && <Text>{t('interest.withdrawn')}</Text>}
        {!open && !interest && <Text>{t('interest.closed')}</Text>}
      </Stack>
      <Group mt="md">
        {canExpress && (
          <Button loading={express.isPending} onClick={() => express.mutate()}>
            {interest ? t('interest.again') : t('interest.express')}
          </Button>
        )}
        {interest && (interest.state === 'pending' || interest.state === 'accepted') && (
          <Button variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(interest.id)}>
            {t('interest.withdraw')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The author's view of who is interested, with yes and no; an address appears once they say yes. */
function InterestsInPost({ postId }: { postId: string }) {
  const { t } = useTranslation('partners');
  const format = useFormat();
  const queryClient = useQueryClient();
  const interests = useQuery({ queryKey: partnerKeys.interests(postId), queryFn: async () => unwrap(await api.GET('/api/partner-posts/{id}/interests', { params: { path: { id: postId } } })) });
  const answer = useMutation({
    mutationFn: async ({ id, to }: { id: string; to: 'accept' | 'decline' }) =>
      unwrap(await (to === 'accept' ? api.POST('/api/partner-interests/{id}/accept', { params: { path: { id } } }) : api.POST('/api/partner-interests/{id}/decline', { params: { path: { id } } }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.interests(postId) }),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="post-interests">
      <Title order={2} size="h3" id="post-interests" mb={4}>
        {t('interests.title')}
      </Title>
      <Text size="sm" c="gray.8" mb="md">
        {t('interests.intro')}
      </Text>
      <Problem error={answer.error} areas={['partners']} />
      <QueryState query={interests}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t('interests.empty')}</Text>
          ) : (
            <List listStyleType="none" spacing="sm" aria-label={t('interests.caption')}>
              {list.map((interest: PartnerInterest) => (
                <List.Item key={interest.id}>
                  <Paper withBorder p="sm" radius="sm">
                    <Group justify="space-between" align="flex-start" gap="sm">
                      <Stack gap={2}>
                        <Text fw={600}>{interest.personName}</Text>
                        <Text size="sm" c="gray.7">
                          {format.date(interest.createdAt)}
                        </Text>
                        {interest.email ? (
                          <Anchor href={`mailto:${interest.email}`} size="sm" fw={600}>
                            {interest.email}
                          </Anchor>
                        ) : (
                          interest.state === 'pending' && (
                            <Text size="sm" c="gray.7">
                              {t('interests.noContact')}
                            </Text>
                          )
                        )}
                      </Stack>
                      {interest.state === 'pending' ? (
                        <Group gap="xs">
                          <Button size="sm" aria-label={t('interests.acceptLabel', { name: interest.personName })} onClick={() => answer.mutate({ id: interest.id, to: 'accept' })} loading={answer.isPending && answer.variables?.id === interest.id && answer.variables.to === 'accept'}>
                            {t('interests.accept')}
                          </Button>
                          <Button size="sm" variant="default" aria-label={t('interests.declineLabel', { name: interest.personName })} onClick={() => answer.mutate({ id: interest.id, to: 'decline' })} loading={answer.isPending && answer.variables?.id === interest.id && answer.variables.to === 'decline'}>
                            {t('interests.decline')}
                          </Button>
                        </Group>
                      ) : (
                        <Mark color={interest.state === 'accepted' ? 'teal' : 'gray'}>{t(`interests.states.${interest.state}`)}</Mark>
                      )}
                    </Group>
                  </Paper>
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </Paper>
  );
}
