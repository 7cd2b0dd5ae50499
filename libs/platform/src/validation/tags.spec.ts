import { normaliseTag, normaliseTags } from './tags.js';

describe('tags', () => {
  it('are trimmed, lower-cased with Swedish letters, single-spaced, and each kept once in first-seen order', () => {
    expect(normaliseTags(['  Social  Hållbarhet ', 'social hållbarhet', 'ÄLDREOMSORG', '', '  ', 'Python'])).toEqual(['social hållbarhet', 'äldreomsorg', 'python']);
  });

  it('compare equal however they were typed', () => {
    expect(normaliseTag(' Skola  och   Hem ')).toBe(normaliseTag('skola och hem'));
  });
});
