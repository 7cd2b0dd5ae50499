import { ActionIcon, Alert, Badge, Button, Checkbox, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ifMatch } from '@web/api/client';
import { fieldErrors, unwrap } from '@web/api/problem';
import { Problem, fieldId } from '@web/components/Problem';
import { useFormat } from '@web/i18n/format';
import { keys, type Cohort, type Question, type RubricCriterion } from './queries';

const QUESTION_TYPES: Question['type'][] = ['text', 'long_text', 'single_choice', 'multiple_choice', 'number'];
const isChoice = (type: Question['type']) => type === 'single_choice' || type === 'multiple_choice';

/**
 * A stable key for a new question or criterion, made from its wording (answers and scores are
 * stored under it, so existing ones keep theirs): lower-case ASCII, unique within the list.
 */
export function keyFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 40) || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

/** Items added in the form have no key yet; they get one from their wording when saved. */
function withKeys<T extends { key: string; label: string }>(items: T[]): T[] {
  const taken = new Set(items.map((item) => item.key).filter(Boolean));
  return items.map((item) => {
    if (item.key) return item;
    const key = keyFor(item.label, taken);
    taken.add(key);
    return { ...item, key };
  });
}

interface ContentProps {
  cohort: Cohort;
  reload: () => Promise<Cohort | undefined>;
}

/** The application questions and the review rubric: editable while planning, then frozen. */
export function CohortContent({ cohort, reload }: ContentProps) {
  const { t } = useTranslation('manager');
  const frozen = cohort.state !== 'planning';
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="content-heading">
      <Title order={2} id="content-heading" mb="xs">
        {t('content.title')}
      </Title>
      {frozen ? (
        <>
          <Alert color="gray" mb="lg" title={t('content.frozenTitle')}>
            {t('content.frozen')}
          </Alert>
          <FrozenContent cohort={cohort} />
        </>
      ) : (
        <>
          <Text mb="lg" maw="65ch">
            {t('content.intro')}
          </Text>
          <ContentEditor cohort={cohort} reload={reload} />
        </>
      )}
    </Paper>
  );
}

function FrozenContent({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('manager');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <div>
        <Title order={3} size="h4" mb="xs">
          {t('content.questions')}
        </Title>
        {cohort.questions.length ? (
          <List spacing="xs">
            {cohort.questions.map((question) => (
              <List.Item key={question.key}>
                {question.label}{' '}
                <Text span size="sm" c="gray.7">
                  ({t(`content.types.${question.type}`)}
                  {question.required ? `, ${t('content.requiredShort')}` : ''}
                  {question.options?.length ? `: ${question.options.join(', ')}` : ''})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t('content.noQuestions')}</Text>
        )}
      </div>
      <div>
        <Title order={3} size="h4" mb="xs">
          {t('content.rubric')}
        </Title>
        {cohort.rubric.length ? (
          <List spacing="xs">
            {cohort.rubric.map((criterion) => (
              <List.Item key={criterion.key}>
                {criterion.label}{' '}
                <Text span size="sm" c="gray.7">
                  ({t('content.weightIs', { weight: criterion.weight })})
                </Text>
                {criterion.description && (
                  <Text size="sm" c="gray.7">
                    {criterion.description}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t('content.noCriteria')}</Text>
        )}
      </div>
    </SimpleGrid>
  );
}

function ContentEditor({ cohort, reload }: ContentProps) {
  const { t } = useTranslation('manager');
  const format = useFormat();
  const queryClient = useQueryClient();
  const [questions, setQuestions] = useState<Question[]>(cohort.questions);
  const [rubric, setRubric] = useState<RubricCriterion[]>(cohort.rubric);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        questions: withKeys(questions).map((question) => ({ ...question, options: isChoice(question.type) ? (question.options ?? []) : undefined })),
        rubric: withKeys(rubric).map((criterion) => ({ ...criterion, description: criterion.description?.trim() || undefined })),
      };
      return unwrap(await api.PUT('/api/cohorts/{id}', { params: { path: { id: cohort.id }, header: ifMatch(cohort.version) }, body }));
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.cohort(updated.id), updated);
      setQuestions(updated.questions);
      setRubric(updated.rubric);
      setSaved(true);
    },
  });
  const errors = fieldErrors(save.error);
  const onReload = async () => {
    const fresh = await reload();
    if (fresh) {
      setQuestions(fresh.questions);
      setRubric(fresh.rubric);
    }
    save.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const setQuestion = (index: number, change: Partial<Question>) => setQuestions((list) => list.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const setCriterion = (index: number, change: Partial<RubricCriterion>) => setRubric((list) => list.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const labels: Record<string, string> = Object.fromEntries([
    ...questions.flatMap((question, index) => [
      [`questions[${index}].label`, t('content.questionN', { n: index + 1 })],
      [`questions[${index}].options`, t('content.optionsOfN', { n: index + 1 })],
    ]),
    ...rubric.flatMap((_, index) => [
      [`rubric[${index}].label`, t('content.criterionN', { n: index + 1 })],
      [`rubric[${index}].weight`, t('content.weightOfN', { n: index + 1 })],
    ]),
  ]);

  return (
    <form onSubmit={onSubmit} noValidate>
      {saved && (
        <Alert color="green" role="status" mb="lg">
          {t('content.saved', { when: format.dateTime(new Date()) })}
        </Alert>
      )}
      <Problem error={save.error} areas={['manager']} labels={labels} onReload={() => void onReload()} />
      <Stack gap="xl">
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Title order={3} size="h4" mb="sm" component="legend">
            {t('content.questions')}
          </Title>
          <Stack gap="md">
            {questions.length === 0 && <Text>{t('content.noQuestions')}</Text>}
            {questions.map((question, index) => (
              <Paper key={index} withBorder p="md" bg="gray.0" role="group" aria-label={t('content.questionN', { n: index + 1 })}>
                <Group justify="space-between" mb="xs">
                  <Badge variant="light" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
                    {t('content.questionN', { n: index + 1 })}
                  </Badge>
                  <ActionIcon variant="subtle" color="red" aria-label={t('content.removeQuestion', { n: index + 1 })} onClick={() => setQuestions((list) => list.filter((_, at) => at !== index))}>
                    ×
                  </ActionIcon>
                </Group>
                <Stack gap="sm">
                  <TextInput
                    id={fieldId(`questions[${index}].label`)}
                    label={t('content.questionLabel')}
                    required
                    maxLength={500}
                    value={question.label}
                    onChange={(event) => setQuestion(index, { label: event.currentTarget.value })}
                    error={errors[`questions[${index}].label`]}
                  />
                  <Group gap="md" align="flex-end" wrap="wrap">
                    <Select
                      label={t('content.type')}
                      data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`content.types.${type}`) }))}
                      value={question.type}
                      allowDeselect={false}
                      onChange={(value) => value && setQuestion(index, { type: value as Question['type'] })}
                      w={{ base: '100%', xs: 240 }}
                    />
                    <Checkbox label={t('content.required')} checked={question.required} onChange={(event) => setQuestion(index, { required: event.currentTarget.checked })} mb={8} />
                  </Group>
                  {isChoice(question.type) && (
                    <TagsInput
                      id={fieldId(`questions[${index}].options`)}
                      label={t('content.options')}
                      description={t('content.optionsHint')}
                      value={question.options ?? []}
                      onChange={(options) => setQuestion(index, { options })}
                      error={errors[`questions[${index}].options`]}
                    />
                  )}
                </Stack>
              </Paper>
            ))}
            <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setQuestions((list) => [...list, { key: '', label: '', type: 'text', required: false }])}>
              {t('content.addQuestion')}
            </Button>
          </Stack>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Title order={3} size="h4" mb="xs" component="legend">
            {t('content.rubric')}
          </Title>
          <Text mb="sm" maw="65ch" size="sm" c="gray.7">
            {t('content.rubricIntro')}
          </Text>
          <Stack gap="md">
            {rubric.length === 0 && <Text>{t('content.noCriteria')}</Text>}
            {rubric.map((criterion, index) => (
              <Paper key={index} withBorder p="md" bg="gray.0" role="group" aria-label={t('content.criterionN', { n: index + 1 })}>
                <Group justify="space-between" mb="xs">
                  <Badge variant="light" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
                    {t('content.criterionN', { n: index + 1 })}
                  </Badge>
                  <ActionIcon variant="subtle" color="red" aria-label={t('content.removeCriterion', { n: index + 1 })} onClick={() => setRubric((list) => list.filter((_, at) => at !== index))}>
                    ×
                  </ActionIcon>
                </Group>
                <Stack gap="sm">
                  <Group gap="md" align="flex-start" wrap="wrap">
                    <TextInput
                      id={fieldId(`rubric[${index}].label`)}
                      label={t('content.criterionLabel')}
                      required
                      maxLength={200}
                      value={criterion.label}
                      onChange={(event) => setCriterion(index, { label: event.currentTarget.value })}
                      error={errors[`rubric[${index}].label`]}
                      style={{ flex: '1 1 16rem' }}
                    />
                    <NumberInput
                      id={fieldId(`rubric[${index}].weight`)}
                      label={t('content.weight')}
                      required
                      min={1}
                      max={100}
                      allowDecimal={false}
                      value={criterion.weight}
                      onChange={(value) => setCriterion(index, { weight: typeof value === 'number' ? value : 1 })}
                      error={errors[`rubric[${index}].weight`]}
                      w={120}
                    />
                  </Group>
                  <Textarea
                    label={t('content.guidance')}
                    autosize
                    minRows={1}
                    maxLength={2000}
                    value={criterion.description ?? ''}
                    onChange={(event) => setCriterion(index, { description: event.currentTarget.value })}
                  />
                </Stack>
              </Paper>
            ))}
            <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => setRubric((list) => [...list, { key: '', label: '', weight: 1 }])}>
              {t('content.addCriterion')}
            </Button>
          </Stack>
        </fieldset>
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('content.save')}
        </Button>
      </Stack>
    </form>
  );
}
