import { StaleVersionError, ValidationFailedError, VersionRequiredError } from '../errors/domain-error.js';
import { assertVersion, etagOf, parseIfMatch } from './if-match.js';

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %s as version %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('reads an absent or empty header as no version', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
  });

  it.each(['*', '"abc"', '"3", "4"', '-1', '"3'.concat('x"')])('refuses %s', (header) => {
    expect(() => parseIfMatch(header)).toThrow(ValidationFailedError);
  });

  it('round-trips with etagOf', () => {
    expect(parseIfMatch(etagOf(7))).toBe(7);
  });

  it('requires a version (428) and refuses a stale one (412)', () => {
    expect(() => assertVersion('user', undefined, 2)).toThrow(VersionRequiredError);
    expect(() => assertVersion('user', 1, 2)).toThrow(StaleVersionError);
    expect(() => assertVersion('user', 2, 2)).not.toThrow();
  });
});
