import { isLanguageCode, normaliseLanguages } from './languages.js';

describe('language codes', () => {
  it('are ISO 639-1: two letters naming a language', () => {
    expect(['sv', 'en', 'ar', 'so'].every(isLanguageCode)).toBe(true);
    expect(['xx', 'swe', 'SV', ''].some(isLanguageCode)).toBe(false);
  });

  it('are answered the same when asked again', () => {
    expect(['xx', 'sv', 'xx', 'sv'].map(isLanguageCode)).toEqual([false, true, false, true]);
  });

  it('are normalised to lower case, each once', () => {
    expect(normaliseLanguages([' SV', 'en', 'sv', 'ar'])).toEqual(['sv', 'en', 'ar']);
  });
});
