/** What a cohort asks applicants, how the jury scores them and what graduation requires. */

import type { FieldError } from '@samverka/platform';

export const QUESTION_TYPES = ['text', 'long_text', 'single_choice', 'multiple_choice', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Question {
  /** Stable key the answers refer to, e.g. `team_size`. */
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** The choices offered; only for single and multiple choice. */
  options?: string[];
}

export interface RubricCriterion {
  key: string;
  label: string;
  /** Relative weight (a positive integer); the weighted mean divides by the sum of weights. */
  weight: number;
  description?: string;
}

export interface GraduationCriterion {
  key: string;
  label: string;
}

export type FieldProblem = FieldError;

const isChoice = (type: QuestionType): boolean => type === 'single_choice' || type === 'multiple_choice';

/** Keys name answers and scores, so within one list they must be unique. */
function duplicateKeys(list: readonly { key: string }[], field: string): FieldProblem[] {
  const seen = new Set<string>();
  return list.flatMap((item, index) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return [];
    }
    return [{ field: `${field}[${index}].key`, message: `the key ${item.key} is used twice` }];
  });
}

export function questionProblems(questions: readonly Question[], field: string): FieldProblem[] {
  const optionProblems = questions.flatMap((question, index): FieldProblem[] => {
    const options = question.options ?? [];
    const at = `${field}[${index}].options`;
    if (!isChoice(question.type)) return options.length ? [{ field: at, message: `a ${question.type} question has no options` }] : [];
    if (options.length < 2) return [{ field: at, message: 'a choice question needs at least two options' }];
    if (new Set(options).size !== options.length) return [{ field: at, message: 'each option may be offered once' }];
    return [];
  });
  return [...duplicateKeys(questions, field), ...optionProblems];
}

export const keyedListProblems = (list: readonly { key: string }[], field: string): FieldProblem[] => duplicateKeys(list, field);

/**
 * The track stages a track waits in before it ends (the tracks context's stages up to
 * graduation), each with how many days a track normally stays there in this cohort. A track
 * longer in its stage than the norm is shown to the manager as stuck.
 */
export const NORMED_STAGES = ['matched', 'co_design', 'test_environment', 'evaluation'] as const;
export type NormedStage = (typeof NORMED_STAGES)[number];
export type StageNorms = Record<NormedStage, number>;

/** A programme of about six months: two weeks to start, then co-design, testing and evaluation. */
export const DEFAULT_STAGE_NORMS: Readonly<StageNorms> = { matched: 14, co_design: 42, test_environment: 56, evaluation: 28 };
