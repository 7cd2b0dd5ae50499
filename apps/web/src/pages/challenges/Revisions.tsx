import { Alert, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '@web/api/client';
import { unwrap } from '@web/api/problem';
import { useMunicipalities, useSdgs } from '@web/api/reference';
import { QueryState } from '@web/components/QueryState';
import { useFormat } from '@web/i18n/format';
import { keys, useRevisions, useTestEnvironments, type Challenge } from '@web/pages/department/queries';

type Review = Schemas['ChallengeReviewView'];

/**
 * The reviewer's comments and the submitted revisions, with two of them compared field by field:
 * the department reads it in its editor, the programme manager beside the review.
 */
export function Revisions({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation('department');
  const revisions = useRevisions(challenge.id, challenge.submittedAt !== null);
  if (challenge.submittedAt === null) return null;
  return (
    <QueryState query={revisions}>
      {(items) => {
        const reviews = items.flatMap((revision) => (revision.review ? [revision.review] : [])).sort((a, b) => b.revisionNumber - a.revisionNumber);
        return (
          <Stack gap="xl">
            {reviews.length > 0 && <Reviews reviews={reviews} />}
            <section aria-labelledby="revisions-heading">
              <Title order={2} size="h3" id="revisions-heading" mb="sm">
                {t('revisions.title')}
              </Title>
              {items.length === 0 ? (
                <Text>{t('revisions.empty')}</Text>
              ) : (
                <Comparison key={items.length} challenge={challenge} numbers={items.map((revision) => revision.number).sort((a, b) => a - b)} submitted={items} />
              )}
            </section>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function Reviews({ reviews }: { reviews: Review[] }) {
  const { t } = useTranslation('department');
  const format = useFormat();
  return (
    <section aria-labelledby="reviews-heading">
      <Title order={2} size="h3" id="reviews-heading" mb="sm">
        {t('reviews.title')}
      </Title>
      <Stack gap="sm">
        {reviews.map((review) => (
          <Alert
            key={review.revisionNumber}
            color={review.decision === 'approve' ? 'green' : review.decision === 'reject' ? 'red' : 'orange'}
            variant="light"
            title={t('reviews.decided', {
              decision: t(`reviews.decisions.${review.decision}`),
              when: format.dateTime(review.reviewedAt),
            })}
          >
            <Text style={{ whiteSpace: 'pre-wrap' }}>{review.comment ?? t('reviews.noComment')}</Text>
          </Alert>
        ))}
      </Stack>
    </section>
  );
}

function Comparison({ challenge, numbers, submitted }: { challenge: Challenge; numbers: number[]; submitted: Schemas['RevisionView'][] }) {
  const { t } = useTranslation('department');
  const format = useFormat();
  const last = numbers[numbers.length - 1] ?? 1;
  const [from, setFrom] = useState(numbers.length > 1 ? numbers[numbers.length - 2] : last);
  const [to, setTo] = useState(last);
  const value = useValueInWords(challenge.departmentId);
  const comparison = useQuery({
    queryKey: [...keys.revisions(challenge.id), 'compare', from, to],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/challenges/{id}/revisions/compare', {
          params: { path: { id: challenge.id }, query: { from, to } },
        })
      ),
    enabled: numbers.length > 1 && from < to,
  });
  const options = submitted
    .slice()
    .sort((a, b) => a.number - b.number)
    .map((revision) => ({
      value: String(revision.number),
      label: t('revisions.revision', {
        number: revision.number,
        when: format.date(revision.submittedAt),
      }),
    }));
  if (numbers.length < 2) return <Text>{options[0]?.label}</Text>;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
      <Title order={3} size="h4" mb="sm">
        {t('revisions.compare')}
      </Title>
      <Group gap="md" mb="md" grow preventGrowOverflow={false} wrap="wrap">
        <Select
          label={t('revisions.from')}
          data={options.filter((option) => Number(option.value) < to)}
          value={String(from)}
          onChange={(next) => next && setFrom(Number(next))}
          allowDeselect={false}
          miw={220}
        />
        <Select
          label={t('revisions.to')}
          data={options.filter((option) => Number(option.value) > from)}
          value={String(to)}
          onChange={(next) => next && setTo(Number(next))}
          allowDeselect={false}
          miw={220}
        />
      </Group>
      <QueryState query={comparison}>
        {(result) =>
          result.changes.length === 0 ? (
            <Text>{t('revisions.noChanges')}</Text>
          ) : (
            <Table striped withTableBorder verticalSpacing="sm" layout="fixed">
              <Table.Caption>
                {t('revisions.compare')}: {from} → {to}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="25%">
                    {t('revisions.field')}
                  </Table.Th>
                  <Table.Th scope="col">{t('revisions.before')}</Table.Th>
                  <Table.Th scope="col">{t('revisions.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.changes.map((change) => (
                  <Table.Tr key={change.field}>
                    <Table.Th scope="row" style={{ hyphens: 'auto', overflowWrap: 'anywhere' }}>{t(`revisions.fields.${change.field}` as 'revisions.fields.title', { defaultValue: change.field })}</Table.Th>
                    <Table.Td
                      style={{
                        whiteSpace: 'pre-wrap',
                        overflowWrap: 'anywhere',
                      }}
                    >
                      {value(change.field, change.before)}
                    </Table.Td>
                    <Table.Td
                      style={{
                        whiteSpace: 'pre-wrap',
                        overflowWrap: 'anywhere',
                      }}
                    >
                      {value(change.field, change.after)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}

/** A field's value in words: names for ids and codes, lists joined, nothing as "(empty)". */
function useValueInWords(departmentId: string) {
  const { t, i18n } = useTranslation('department');
  const format = useFormat();
  const sdgs = useSdgs();
  const municipalities = useMunicipalities();
  const environments = useTestEnvironments(departmentId);
  const one = (field: string, item: unknown): string => {
    if (field === 'sdgs') {
      const sdg = sdgs.data?.find((goal) => goal.number === item);
      return sdg
        ? t('editor.sdg', {
            number: sdg.number,
            name: i18n.language === 'sv' ? sdg.nameSv : sdg.nameEn,
          })
        : String(item);
    }
    if (field === 'testEnvironmentIds') return environments.data?.find((environment) => environment.id === item)?.name ?? t('environments.retired');
    if (field === 'municipalityCode') return municipalities.data?.find((municipality) => municipality.code === item)?.name ?? String(item);
    if (field === 'languages') return format.language(String(item));
    if (field === 'routeToAdoption.uptake') return t(`editor.uptakes.${item as 'grant'}`);
    if (typeof item === 'number') return format.number(item);
    if (typeof item === 'object' && item !== null) return JSON.stringify(item);
    return String(item);
  };
  return (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)) return t('revisions.empty_value');
    if (Array.isArray(raw)) return raw.map((item) => one(field, item)).join(', ');
    return one(field, raw);
  };
}
