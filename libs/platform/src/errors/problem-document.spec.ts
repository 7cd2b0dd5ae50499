import { ConflictError, InvalidTransitionError, NotFoundError, RateLimitedError, StaleVersionError, ValidationFailedError, type ErrorKind } from './domain-error.js';
import { problemFromDomainError, problemFromStatus, statusOfKind } from './problem-document.js';

describe('problem documents', () => {
  it.each<[ErrorKind, number]>([
    ['validation', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['invalid_transition', 409],
    ['stale_version', 412],
    ['precondition_required', 428],
    ['unprocessable', 422],
    ['rate_limited', 429],
  ])('maps %s to %i', (kind, status) => {
    expect(statusOfKind(kind)).toBe(status);
  });

  it('refuses a kind it does not know, rather than guessing a status', () => {
    expect(() => statusOfKind('teapot' as ErrorKind)).toThrow(/Unmapped error kind: teapot/);
  });

  it('carries the code, the message and the extensions of a domain error', () => {
    expect(problemFromDomainError(new ConflictError('seats_exhausted', 'All 5 seats are taken.', { seats: 5 }))).toEqual({
      type: 'urn:samverka:problem:seats-exhausted',
      title: 'Conflict',
      status: 409,
      detail: 'All 5 seats are taken.',
      code: 'seats_exhausted',
      seats: 5,
    });
  });

  it('lists the fields of a validation error and the allowed moves of a transition', () => {
    expect(problemFromDomainError(new ValidationFailedError([{ field: 'email', message: 'email must be an email address' }]))).toMatchObject({
      status: 400,
      errors: [{ field: 'email', message: 'email must be an email address', code: 'invalid' }],
    });
    const transition = problemFromDomainError(new InvalidTransitionError('cohort', 'planning', 'running', ['open', 'archived']));
    expect(transition).toMatchObject({ status: 409, from: 'planning', to: 'running', allowed: ['open', 'archived'] });
    expect(transition.detail).toContain('open, archived');
  });

  it('maps the other errors to their statuses', () => {
    expect(problemFromDomainError(new NotFoundError('Cohort', 'c1')).status).toBe(404);
    expect(problemFromDomainError(new StaleVersionError('user', 2, 3))).toMatchObject({ status: 412, currentVersion: 3 });
    expect(problemFromDomainError(new RateLimitedError(30)).status).toBe(429);
  });

  it('builds a problem from a bare status', () => {
    expect(problemFromStatus(413, 'Too big.')).toEqual({ type: 'urn:samverka:problem:body-too-large', title: 'Content Too Large', status: 413, detail: 'Too big.', code: 'body_too_large' });
    expect(problemFromStatus(418, 'Odd.').title).toBe('Error');
  });
});
