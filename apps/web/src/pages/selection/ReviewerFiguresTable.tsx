import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { swedishCollator } from '@web/i18n/format';
import { CaptionedTable } from '@web/components/CaptionedTable';
import type { ReviewerFigures } from './queries';
import { reviewerLeanings, type ReviewerLeaning } from './scoreboard-table';
import { useScoreFormat } from './score-format';

const KIND_COLOURS: Record<ReviewerLeaning['kind'], string> = { lenient: 'orange', strict: 'civic', typical: 'gray' };

/** Per reviewer the count, mean and spread, and how far they lean from the jury: a lenient one stands out. */
export function ReviewerFiguresTable({ reviewers }: { reviewers: readonly ReviewerFigures[] }) {
  const { t } = useTranslation('selection');
  const format = useScoreFormat();
  const rows = useMemo(() => reviewerLeanings(reviewers).sort((a, b) => swedishCollator.compare(a.reviewerName, b.reviewerName)), [reviewers]);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="reviewers-heading">
      <Title order={2} size="h3" id="reviewers-heading" mb="xs">
        {t('reviewers.heading')}
      </Title>
      <Text mb="sm" maw="65ch" c="gray.8">
        {t('reviewers.intro')}
      </Text>
      {rows.length === 0 ? (
        <Text>{t('reviewers.none')}</Text>
      ) : (
        <CaptionedTable caption={t('reviewers.caption')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reviewers.name')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reviewers.count')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reviewers.mean')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reviewers.spread')}
              </Table.Th>
              <Table.Th scope="col">{t('reviewers.leaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((reviewer) => (
              <Table.Tr key={reviewer.reviewerId} bg={reviewer.kind === 'lenient' ? 'orange.0' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {reviewer.reviewerName}
                </Table.Th>
                <Table.Td ta="right">{reviewer.count}</Table.Td>
                <Table.Td ta="right">{format.score(reviewer.mean)}</Table.Td>
                <Table.Td ta="right">{format.score(reviewer.spread)}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLOURS[reviewer.kind]} variant="light" radius="sm" tt="none" mr="xs" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
                    {t(`reviewers.kinds.${reviewer.kind}`)}
                  </Badge>
                  {format.signed(reviewer.leaning)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </CaptionedTable>
      )}
    </Paper>
  );
}
