import { Checkbox, NumberInput, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@web/api/client';
import { fieldId } from '@web/components/Problem';

export type Question = Schemas['QuestionDto'];
export type Answer = string | number | string[] | undefined;

interface QuestionFieldProps {
  question: Question;
  value: Answer;
  error?: string;
  onChange: (value: Answer) => void;
}

/** One of a cohort's questions as the input its type asks for. */
export function QuestionField({ question, value, error, onChange }: QuestionFieldProps) {
  const { t } = useTranslation('entrepreneur');
  const common = { id: fieldId(`answers.${question.key}`), label: question.label, required: question.required, error };
  switch (question.type) {
    case 'text':
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'long_text':
      return <Textarea {...common} autosize minRows={4} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'number':
      return <NumberInput {...common} maw={360} value={typeof value === 'number' ? value : ''} onChange={(next) => onChange(typeof next === 'number' ? next : undefined)} />;
    case 'single_choice':
      return (
        <Radio.Group {...common} description={t('application.choose')} value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((option) => (
              <Radio key={option} value={option} label={option} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((option) => (
              <Checkbox key={option} value={option} label={option} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
  }
}
