import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMunicipalities } from '@web/api/reference';
import { useFormat } from '@web/i18n/format';
import type { PartnerPost } from './queries';

/** A badge whose words stay black on its tint: Mantine's coloured label text is below 4.5:1 there. */
export function Mark({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {children}
    </Badge>
  );
}

/** Looking for or offering, what kind, and the marks only some readers see (hidden, withdrawn, ended, yours). */
export function PostBadges({ post }: { post: PartnerPost }) {
  const { t } = useTranslation('partners');
  return (
    <Group gap={6} wrap="wrap">
      <Mark color={post.direction === 'offer' ? 'teal' : 'civic'}>{t(`directions.${post.direction}`)}</Mark>
      <Mark color="gray">{t(`kinds.${post.kind}`)}</Mark>
      {post.mine && <Mark color="grape">{t('badges.mine')}</Mark>}
      {post.hidden && <Mark color="red">{t('badges.hidden')}</Mark>}
      {post.state === 'withdrawn' && <Mark color="dark">{t('badges.withdrawn')}</Mark>}
      {post.expired && <Mark color="orange">{t('badges.expired')}</Mark>}
    </Group>
  );
}

/** Who, where and until when, in one line. */
export function PostMeta({ post }: { post: PartnerPost }) {
  const { t } = useTranslation('partners');
  const format = useFormat();
  const place = useMunicipalityName(post.municipalityCode);
  return (
    <Text size="sm" c="gray.7">
      {[t('board.by', { name: post.authorName }), place, t('board.endsOn', { date: format.date(post.endsOn) })].filter(Boolean).join(' · ')}
    </Text>
  );
}

export function PostTags({ tags }: { tags: string[] }) {
  if (!tags.length) return null;
  return (
    <Group gap={6} wrap="wrap">
      {tags.map((tag) => (
        <Badge key={tag} variant="dot" color="gray" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

export function useMunicipalityName(code: string | null): string | null {
  const municipalities = useMunicipalities();
  return code ? (municipalities.data?.find((municipality) => municipality.code === code)?.name ?? null) : null;
}
