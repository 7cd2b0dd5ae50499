import { ALLOW, allOf, anyOf, CallerFact, DENY, RecordKind, type Caller } from './conditions.js';
import { RuleBook } from './rule-book.js';

class Door {
  id = '';
}
const Doors = new RecordKind<Door, 'open' | 'paint'>('door', Door);
const keys = new CallerFact<string[]>('keys');
const caretaker = { id: 'u1', roles: ['caretaker'] };

describe('the access rule book', () => {
  it('looks a caller fact up once per request, however many rules need it', async () => {
    const book = new RuleBook();
    let lookups = 0;
    book.provide(keys, async () => {
      lookups += 1;
      return ['d1'];
    });
    const byKey = async (caller: Caller, d: string) => ({ sql: `${d}.id = ANY(:keys)`, params: { keys: await caller.get(keys) } });
    book.define(Doors, { open: byKey, paint: byKey });

    const request = new Map<string, Promise<unknown>>();
    expect(await book.condition(Doors, 'open', book.caller(caretaker, request), 'x')).toEqual({ sql: 'x.id = ANY(:keys)', params: { keys: ['d1'] } });
    await book.condition(Doors, 'paint', book.caller(caretaker, request), 'y');
    expect(lookups).toBe(1);
    await book.condition(Doors, 'open', book.caller(caretaker, new Map()), 'x');
    expect(lookups).toBe(2);
  });

  it('refuses an action without a rule, and a second rule or fact provider for the same name', async () => {
    const book = new RuleBook();
    book.define(Doors, { open: () => ALLOW } as never);
    await expect(book.condition(Doors, 'paint', book.caller(caretaker), 'x')).rejects.toThrow('No access rule for door.paint');
    expect(() => book.define(Doors, { open: () => DENY } as never)).toThrow('Two access rules for door.open');
    book.provide(keys, async () => []);
    expect(() => book.provide(keys, async () => [])).toThrow('Two providers for the caller fact keys');
    expect(() => book.caller(caretaker).get(new CallerFact('unknown'))).toThrow('No provider for the caller fact unknown');
  });

  it('combines conditions, collapsing TRUE and FALSE', () => {
    const a = { sql: 'a = 1', params: { a: 1 } };
    const b = { sql: 'b = 2', params: { b: 2 } };
    expect(anyOf(a, DENY, b)).toEqual({ sql: '((a = 1) OR (b = 2))', params: { a: 1, b: 2 } });
    expect(anyOf(a, ALLOW)).toBe(ALLOW);
    expect(anyOf(DENY)).toBe(DENY);
    expect(allOf(a, ALLOW, b)).toEqual({ sql: '((a = 1) AND (b = 2))', params: { a: 1, b: 2 } });
    expect(allOf(a, DENY)).toBe(DENY);
  });
});
