import type { ValidationError } from '@nestjs/common';
import { bodyShapeProblem, flattenValidationErrors, MAX_BODY_DEPTH } from './validation.pipe.js';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({ property, constraints, children });

describe('flattenValidationErrors', () => {
  it('names each field with each of its messages, and the rule broken as its code', () => {
    expect(flattenValidationErrors([error('email', { isEmail: 'email must be an email address' }), error('name', { isDefined: 'name is required', isString: 'name must be a string' })])).toEqual([
      { field: 'email', message: 'email must be an email address', code: 'isEmail' },
      { field: 'name', message: 'name is required', code: 'isDefined' },
      { field: 'name', message: 'name must be a string', code: 'isString' },
    ]);
  });

  it('writes nested objects with dots and array items with brackets', () => {
    const tree = [error('route', undefined, [error('owner', { isDefined: 'owner is required' })]), error('items', undefined, [error('0', undefined, [error('title', { maxLength: 'too long' })])])];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'route.owner', message: 'owner is required', code: 'isDefined' },
      { field: 'items[0].title', message: 'too long', code: 'maxLength' },
    ]);
  });

  it('takes the code a rule names in its context, and `invalid` for a rule it does not know', () => {
    const named: ValidationError = { property: 'title', constraints: { matches: 'one line' }, contexts: { matches: { code: 'oneLine' } }, children: [] };
    expect(flattenValidationErrors([named, error('x', { somethingNew: 'no' })])).toEqual([
      { field: 'title', message: 'one line', code: 'oneLine' },
      { field: 'x', message: 'no', code: 'invalid' },
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

describe('bodyShapeProblem', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it('passes ordinary bodies, arrays of objects included', () => {
    expect(bodyShapeProblem({ title: 'x', route: { owner: 'y' }, items: [{ a: 1 }, [2, 3]] })).toBeUndefined();
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, even far deeper than the stack allows', () => {
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH + 1))).toEqual({ field: expect.any(String), message: expect.stringMatching(/nested/), code: 'tooDeep', limit: MAX_BODY_DEPTH });
    expect(bodyShapeProblem(nested(200_000))).toBeDefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses a field named %s at any depth', (name) => {
    expect(bodyShapeProblem(JSON.parse(`{"${name}": {}}`))).toEqual({ field: name, message: `property ${name} should not exist`, code: 'whitelistValidation' });
    expect(bodyShapeProblem(JSON.parse(`{"route": [{"${name}": 1}]}`))).toEqual({ field: `route[0].${name}`, message: `property ${name} should not exist`, code: 'whitelistValidation' });
  });
});
