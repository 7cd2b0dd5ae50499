import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors.js';
import { DomainError, RateLimitedError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemFromDomainError, problemFromStatus, type ProblemDocument } from './problem-document.js';

/** The one place where every error becomes an RFC 9457 problem document. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl?.split('?')[0];
    if (request.id !== undefined) problem.requestId = String(request.id);
    if (problem.code === 'database_unavailable') {
      // Expected while PostgreSQL restarts: one line per request, not a stack each.
      this.logger.warn({ requestId: problem.requestId, reason: (exception as Error)?.message }, 'the database is unavailable');
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'unexpected error');
    }
    if (response.sent || response.raw.headersSent) return;
    if (problem.status === 429) this.setRetryAfter(exception, response);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** Named throttlers answer `Retry-After-<name>`; clients look for the standard header. */
  private setRetryAfter(exception: unknown, response: FastifyReply): void {
    if (exception instanceof RateLimitedError) {
      response.header('Retry-After', String(exception.retryAfterSeconds));
      return;
    }
    const seconds = Object.entries(response.getHeaders())
      .filter(([name]) => name.startsWith('retry-after'))
      .map(([, value]) => Number(value));
    response.header('Retry-After', String(Math.max(1, ...seconds.filter(Number.isFinite))));
  }

  private toProblem(exception: unknown): ProblemDocument {
    if (exception instanceof DomainError) return problemFromDomainError(exception);
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    // PostgreSQL's class 22 (data exception) means a value it was given cannot be stored:
    // the caller's input slipped past validation, so it is the caller's 400, not our 500.
    if (exception instanceof QueryFailedError && String((exception.driverError as { code?: string }).code).startsWith('22')) {
      return problemFromStatus(400, 'A value in the request cannot be stored; check dates, numbers and text for impossible values.', 'invalid_value');
    }
    if (isDatabaseUnavailable(exception)) {
      return problemFromStatus(503, 'The database cannot be reached or did not answer in time. Try again shortly.', 'database_unavailable');
    }
    return problemFromStatus(500, 'Something went wrong on our side. Quote the request id when you report it.', 'internal_error');
  }

  private fromHttpException(exception: HttpException): ProblemDocument {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const cause = exception.cause as { code?: string } | undefined;
    // Nest wraps Fastify's own errors (malformed JSON, a body too large) in an HttpException.
    if (cause?.code?.startsWith('FST_ERR_CTP_')) return this.fromBodyParser(status, cause.code, exception.message);
    if (status === 404) {
      return problemFromStatus(404, exception.message.startsWith('Cannot ') ? `No route: ${exception.message.slice(7)}.` : exception.message, 'not_found');
    }
    if (status === 429) return problemFromStatus(429, 'Too many requests; slow down and try again later.', 'rate_limited');
    // Readiness checks answer 503 with the checks that failed (@nestjs/terminus's `error` member).
    if (status === 503) {
      const failing = Object.keys((body as { error?: Record<string, unknown> })?.error ?? {});
      return problemFromStatus(503, `Not ready: ${failing.join(', ') || 'a dependency'} does not answer.`, 'not_ready');
    }
    const message = typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : exception.message;
    return problemFromStatus(status, status >= 500 ? 'Something went wrong on our side.' : message);
  }

  private fromBodyParser(status: number, code: string, message: string): ProblemDocument {
    switch (code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return problemFromStatus(400, 'The request body is not valid JSON.', 'malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return problemFromStatus(413, 'The request body is too large.', 'body_too_large');
      default:
        return problemFromStatus(status, message);
    }
  }
}
