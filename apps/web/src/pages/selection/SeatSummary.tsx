import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';

/** Seats, taken and left as three figures and a bar; the sentence is announced when a decision changes it. */
export function SeatSummary({ seats, taken, left }: { seats: number; taken: number; left: number }) {
  const { t } = useTranslation('selection');
  const format = useFormat();
  const figures = [
    { key: 'seats', value: seats },
    { key: 'taken', value: taken },
    { key: 'left', value: left },
  ] as const;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="seats-heading">
      <Title order={2} size="h3" id="seats-heading" mb="sm">
        {t('seats.heading')}
      </Title>
      <Group gap="xl" mb="sm" aria-hidden>
        {figures.map(({ key, value }) => (
          <Stack key={key} gap={0}>
            <Text size="sm" c="gray.8">
              {t(`seats.${key}`)}
            </Text>
            <Text fz={28} fw={700} lh={1.2}>
              {format.number(value)}
            </Text>
          </Stack>
        ))}
      </Group>
      <Progress value={seats ? (100 * Math.min(taken, seats)) / seats : 0} size="lg" radius="sm" aria-hidden />
      <Text mt="sm" role="status">
        {t('seats.summary', { seats: format.number(seats), taken: format.number(taken), left: format.number(left) })}
      </Text>
    </Paper>
  );
}
