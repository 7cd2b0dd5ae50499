import type { FastifyReply } from 'fastify';

/**
 * Answers with `status` instead of the route's own (e.g. 202 for work left to the worker).
 * Nest applies the route's status after the handler, so later calls must not undo this one.
 */
export function answerWith(response: FastifyReply, status: number): void {
  response.code(status);
  // `status` is Fastify's alias of `code`.
  Object.defineProperty(response, 'code', { configurable: true, value: () => response });
}
