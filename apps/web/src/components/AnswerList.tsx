import { Stack, Text } from '@mantine/core';
import type { Schemas } from '@web/api/client';

/** An answer as text, for an application that can no longer be changed. */
export const answerText = (value: unknown): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value === undefined || value === null || value === '' ? undefined : String(value);

/** An application's answers under the cohort's questions, as a description list. */
export function AnswerList({ questions, answers, noAnswer }: { questions: Schemas['QuestionDto'][]; answers: Record<string, unknown>; noAnswer: string }) {
  return (
    <Stack component="dl" gap="md" m={0}>
      {questions.map((question) => (
        <div key={question.key}>
          <Text component="dt" fw={600}>
            {question.label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>
            {answerText(answers[question.key]) ?? noAnswer}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
