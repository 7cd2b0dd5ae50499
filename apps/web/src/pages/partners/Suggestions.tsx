import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { partnerKeys, type SuggestionReason } from './queries';
import { Mark, PostBadges, useMunicipalityName } from './PostSummary';

/** Posts and open challenges that fit the post, best first, each with its reasons in the reader's language. */
export function Suggestions({ postId }: { postId: string }) {
  const { t } = useTranslation('partners');
  const suggestions = useQuery({
    queryKey: partnerKeys.suggestions(postId),
    queryFn: async () => unwrap(await api.GET('/api/partner-posts/{id}/suggestions', { params: { path: { id: postId } } })),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="post-suggestions">
      <Title order={2} size="h3" id="post-suggestions" mb={4}>
        {t('suggestions.title')}
      </Title>
      <Text size="sm" c="gray.8" mb="md">
        {t('suggestions.intro')}
      </Text>
      <QueryState query={suggestions}>
        {({ posts, challenges }) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('suggestions.posts')}
              </Title>
              {posts.length === 0 && <Text>{t('suggestions.noPosts')}</Text>}
              {posts.map(({ post, score, reasons }) => (
                <Paper key={post.id} withBorder p="sm" radius="sm" component="article" aria-labelledby={`suggested-${post.id}`}>
                  <Stack gap={6}>
                    <PostBadges post={post} />
                    <Title order={4} size="h5" id={`suggested-${post.id}`}>
                      <Anchor renderRoot={(props) => <Link {...props} to="/partners/$postId" params={{ postId: post.id }} />} inherit>
                        {post.title}
                      </Anchor>
                    </Title>
                    <Text size="sm" c="gray.7">
                      {post.authorName}
                    </Text>
                    <Reasons score={score} reasons={reasons} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('suggestions.challenges')}
              </Title>
              {challenges.length === 0 && <Text>{t('suggestions.noChallenges')}</Text>}
              {challenges.map((challenge) => (
                <Paper key={challenge.challengeId} withBorder p="sm" radius="sm" component="article" aria-labelledby={`suggested-${challenge.challengeId}`}>
                  <Stack gap={6}>
                    <Title order={4} size="h5" id={`suggested-${challenge.challengeId}`}>
                      {challenge.title}
                    </Title>
                    <ChallengePlace code={challenge.municipalityCode} />
                    <Reasons score={challenge.score} reasons={challenge.reasons} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </SimpleGrid>
        )}
      </QueryState>
    </Paper>
  );
}

function ChallengePlace({ code }: { code: string | null }) {
  const place = useMunicipalityName(code);
  return place ? (
    <Text size="sm" c="gray.7">
      {place}
    </Text>
  ) : null;
}

/** The API's reason codes in words: the tags in common, then how near. */
function Reasons({ score, reasons }: { score: number; reasons: SuggestionReason[] }) {
  const { t } = useTranslation('partners');
  const format = useFormat();
  const words = reasons.map((reason) =>
    reason.code === 'shared_tags'
      ? t('suggestions.reasons.shared_tags', { count: reason.shared, shared: reason.shared, wanted: reason.wanted, tags: (reason.tags ?? []).join(', ') })
      : t(`suggestions.reasons.${reason.code as 'same_municipality' | 'same_county' | 'another_county'}`),
  );
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Mark color="civic">{t('suggestions.score', { percent: format.number(Math.round(score * 100)) })}</Mark>
      <Text size="sm">{words.join(' · ')}</Text>
    </Group>
  );
}
