import type { ValidationError } from '@nestjs/common';
import { bodyShapeProblem, flattenValidationErrors, MAX_BODY_DEPTH } from './validation.pipe.js';

const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({ property, constraints, children });

describe('flattenValidationErrors', () => {
  it('names each field with each of its messages', () => {
    expect(flattenValidationErrors([error('email', { isEmail: 'email must be an email address' }), error('name', { isDefined: 'name is required', isString: 'name must be a string' })])).toEqual([
      { field: 'email', message: 'email must be an email address' },
      { field: 'name', message: 'name is required' },
      { field: 'name', message: 'name must be a string' },
    ]);
  });

  it('writes nested objects with dots and array items with brackets', () => {
    const tree = [error('route', undefined, [error('owner', { isDefined: 'owner is required' })]), error('items', undefined, [error('0', undefined, [error('title', { maxLength: 'too long' })])])];
    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'route.owner', message: 'owner is required' },
      { field: 'items[0].title', message: 'too long' },
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
    expect(bodyShapeProblem(nested(MAX_BODY_DEPTH + 1))).toEqual({ field: expect.any(String), message: expect.stringMatching(/nested/) });
    expect(bodyShapeProblem(nested(200_000))).toBeDefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses a field named %s at any depth', (name) => {
    expect(bodyShapeProblem(JSON.parse(`{"${name}": {}}`))).toEqual({ field: name, message: `property ${name} should not exist` });
    expect(bodyShapeProblem(JSON.parse(`{"route": [{"${name}": 1}]}`))).toEqual({ field: `route[0].${name}`, message: `property ${name} should not exist` });
  });
});
