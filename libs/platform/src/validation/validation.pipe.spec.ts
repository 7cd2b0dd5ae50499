import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.pipe.js';

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
