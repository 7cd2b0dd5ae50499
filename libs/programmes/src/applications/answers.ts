import type { Question } from '../content/cohort-content.js';
import type { FieldProblem } from '../content/cohort-content.js';
import type { Answer } from './application.entity.js';

export const MAX_TEXT_ANSWER = 2_000;
export const MAX_LONG_TEXT_ANSWER = 20_000;

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function answerProblem(question: Question, value: unknown): string | null {
  const label = `"${question.label}"`;
  switch (question.type) {
    case 'text':
    case 'long_text': {
      const max = question.type === 'text' ? MAX_TEXT_ANSWER : MAX_LONG_TEXT_ANSWER;
      if (typeof value !== 'string') return `${label} needs a text answer`;
      return value.length > max ? `${label} takes at most ${max} characters` : null;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${label} needs a number`;
    case 'single_choice':
      if (typeof value !== 'string') return `${label} needs one of its options`;
      return question.options?.includes(value) ? null : `${value} is not an option of ${label}; choose one of: ${question.options?.join(', ')}`;
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return `${label} needs a list of its options`;
      const unknown = value.filter((item) => !question.options?.includes(item));
      if (unknown.length) return `${unknown.join(', ')} is not an option of ${label}; choose from: ${question.options?.join(', ')}`;
      return new Set(value).size === value.length ? null : `${label} lists an option twice`;
    }
  }
}

/**
 * Checks answers against a cohort's questions: every answer belongs to a question, has the
 * question's type and offered options, and every required question is answered. Problems
 * name the field `answers.<key>`.
 */
export function answerProblems(questions: readonly Question[], answers: Record<string, unknown>): FieldProblem[] {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const unknown = Object.keys(answers)
    .filter((key) => !byKey.has(key))
    .map((key) => ({ field: `answers.${key}`, message: `${key} is not a question of this cohort` }));
  const invalid = questions.flatMap((question): FieldProblem[] => {
    const value = answers[question.key];
    const field = `answers.${question.key}`;
    if (isBlank(value)) return question.required ? [{ field, message: `"${question.label}" is required`, code: 'required' }] : [];
    const problem = answerProblem(question, value);
    return problem ? [{ field, message: problem }] : [];
  });
  return [...unknown, ...invalid];
}

/** Stores answers without blank optional ones, so "not answered" has one representation. */
export function withoutBlankAnswers(answers: Record<string, unknown>): Record<string, Answer> {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => !isBlank(value))) as Record<string, Answer>;
}
