import { parseSearch, stringifySearch } from './search-params';

describe('the address’s search params', () => {
  it('are written as plain text: a code that reads as a number is not quoted', () => {
    expect(stringifySearch({ county: '12', municipality: '0180', year: 2026, q: 'korta möten' })).toBe('?county=12&municipality=0180&year=2026&q=korta+m%C3%B6ten');
  });

  it('are read as text, so that each route makes its own numbers', () => {
    expect(parseSearch('?county=12&municipality=0180&year=2026&invite=true')).toEqual({ county: '12', municipality: '0180', year: '2026', invite: 'true' });
  });

  it('read a link quoted by the former JSON format as its text, and keep quotes a person typed', () => {
    expect(parseSearch('?county=%2212%22&q=%222024%22')).toEqual({ county: '12', q: '2024' });
    expect(parseSearch('?q=%22korta%20m%C3%B6ten%22')).toEqual({ q: '"korta möten"' });
  });

  it('round-trip text, whatever it looks like', () => {
    // Not text of JSON in quotes (`"12"`): that is how a former link wrote 12, and reads so.
    for (const text of ['12', 'true', 'null', '[1]', '{"a":1}', '"korta möten"', 'a&b=c', ' ']) {
      expect(parseSearch(stringifySearch({ q: text }))).toEqual({ q: text });
    }
  });
});
