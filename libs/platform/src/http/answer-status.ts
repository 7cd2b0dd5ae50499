import type { Response } from 'express';

/**
 * Answers with `status` instead of the route's own (e.g. 202 for work left to the worker).
 * Nest applies the route's status after the handler, so later calls must not undo this one.
 */
export function answerWith(response: Response, status: number): void {
  response.status(status);
  Object.defineProperty(response, 'status', { configurable: true, value: () => response });
}
