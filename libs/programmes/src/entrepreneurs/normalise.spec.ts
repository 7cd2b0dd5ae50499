import { normaliseLanguages, normaliseTags } from './normalise.js';

describe('normalising profile fields', () => {
  it('trims, lower-cases, collapses inner whitespace and deduplicates tags', () => {
    expect(normaliseTags(['  Service   Design ', 'service design', 'ÄLDREOMSORG', '', 'Python'])).toEqual(['service design', 'äldreomsorg', 'python']);
  });

  it('keeps ISO 639-1 codes lower-case and once, and returns the unknown ones', () => {
    expect(normaliseLanguages(['SV', 'en', 'sv', 'ar'])).toEqual({ languages: ['sv', 'en', 'ar'], unknown: [] });
    expect(normaliseLanguages(['sv', 'xx', 'swe']).unknown).toEqual(['xx', 'swe']);
  });
});
