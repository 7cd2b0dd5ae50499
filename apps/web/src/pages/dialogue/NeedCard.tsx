import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Need } from './queries';

/** A need as everyone sees it: what, whose, what is known, and who stands behind it; `children` are the page's actions on it. */
export function NeedCard({ need, mergedIntoTitle, children }: { need: Need; mergedIntoTitle?: string; children?: ReactNode }) {
  const { t } = useTranslation('dialogue');
  const sectors = need.sectors.map((sector) => t(`sectors.${sector}`).toLocaleLowerCase()).join(', ');
  return (
    <Paper withBorder p="md" component="article" aria-label={need.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={3} size="h4" style={{ flex: '1 1 16rem' }}>
            {need.title}
          </Title>
          {!need.mergedIntoId && (
            <Badge size="lg" variant="light" color="civic" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
              {t('need.votes', { count: need.votes })}
            </Badge>
          )}
        </Group>
        {mergedIntoTitle ? (
          <Text size="sm" c="gray.7">
            {t('need.mergedInto', { title: mergedIntoTitle })}
          </Text>
        ) : (
          <Text size="sm" c="gray.7">
            {need.people > 0 ? t('need.backing', { count: need.people, sectors }) : t('need.noBacking')}
          </Text>
        )}
        {need.description && <Text>{need.description}</Text>}
        {need.targetGroup && <Text size="sm">{t('need.targetGroup', { value: need.targetGroup })}</Text>}
        {need.evidence && <Text size="sm">{t('need.evidence', { value: need.evidence })}</Text>}
        {need.tags.length > 0 && (
          <Group gap={4}>
            {need.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.8" radius="sm" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** The needs that stand, most votes first; merged ones after, each pointing to the one that stayed. */
export function sortedNeeds<T extends Need>(needs: T[]): { standing: T[]; merged: T[] } {
  const standing = needs.filter((need) => !need.mergedIntoId).sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
  return { standing, merged: needs.filter((need) => need.mergedIntoId) };
}
