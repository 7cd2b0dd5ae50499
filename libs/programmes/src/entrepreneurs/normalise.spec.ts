import { normaliseLanguages } from './normalise.js';

describe('normalising profile fields', () => {
  it('keeps ISO 639-1 codes lower-case and once, and returns the unknown ones', () => {
    expect(normaliseLanguages(['SV', 'en', 'sv', 'ar'])).toEqual({ languages: ['sv', 'en', 'ar'], unknown: [] });
    expect(normaliseLanguages(['sv', 'xx', 'swe']).unknown).toEqual(['xx', 'swe']);
  });
});
