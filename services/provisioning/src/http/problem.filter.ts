/**
 * The one exception filter: every error of every route leaves as application/problem+json.
 * Fastify's own error handler (body parsing runs before Nest) delegates to the same `reply`.
 */
import { ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem.js';

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = toProblem(error);
  if (problem.status >= 500) {
    request.log.error({ err: error, code: problem.code }, 'request failed');
  } else {
    request.log.info({ code: problem.code, status: problem.status }, 'request rejected');
  }
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  // A problem that says when to come back says it in the header too (RFC 9110 10.2.3).
  if (typeof problem.retryAfterSeconds === 'number') reply.header('retry-after', String(problem.retryAfterSeconds));
  if (reply.sent || reply.raw.headersSent) return;
  reply.status(problem.status).type('application/problem+json').send(problem);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
