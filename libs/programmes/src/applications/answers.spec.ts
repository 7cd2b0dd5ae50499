import type { Question } from '../content/cohort-content.js';
import { answerProblems, withoutBlankAnswers } from './answers.js';

const questions: Question[] = [
  { key: 'idea', label: 'Idea', type: 'long_text', required: true },
  { key: 'team_size', label: 'Team size', type: 'number', required: true },
  { key: 'stage', label: 'Stage', type: 'single_choice', required: false, options: ['idea', 'pilot'] },
  { key: 'sectors', label: 'Sectors', type: 'multiple_choice', required: false, options: ['civil', 'public'] },
];

describe('answerProblems', () => {
  it('accepts answers of the right types and options', () => {
    expect(answerProblems(questions, { idea: 'x', team_size: 2, stage: 'pilot', sectors: ['civil'] })).toEqual([]);
  });

  it('names each question that is missing, mistyped, not offered or unknown', () => {
    expect(answerProblems(questions, { team_size: 'two', stage: 'scale', sectors: ['civil', 'market'], colour: 'red' })).toEqual([
      { field: 'answers.colour', message: 'colour is not a question of this cohort' },
      { field: 'answers.idea', message: '"Idea" is required', code: 'required' },
      { field: 'answers.team_size', message: '"Team size" needs a number' },
      { field: 'answers.stage', message: 'scale is not an option of "Stage"; choose one of: idea, pilot' },
      { field: 'answers.sectors', message: 'market is not an option of "Sectors"; choose from: civil, public' },
    ]);
  });

  it('treats blank text and empty lists as unanswered', () => {
    expect(answerProblems(questions, { idea: '  ', team_size: 1, sectors: [] })).toEqual([{ field: 'answers.idea', message: '"Idea" is required', code: 'required' }]);
    expect(withoutBlankAnswers({ idea: 'x', stage: '', sectors: [] })).toEqual({ idea: 'x' });
  });
});
