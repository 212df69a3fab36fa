/**
 * Answers given before a route runs, as problem+json like every other error:
 * - Node's HTTP parser refusing a request (bad request line or method, headers over 16 KiB,
 *   timeout): Fastify's default writes its own JSON shape to the socket, so we write ours;
 * - the router's own errors (bad percent-escape in the path, over-long path parameter): its
 *   `frameworkErrors` callback, which otherwise bypasses the error handler;
 * - a request target longer than MAX_URL_LENGTH (no route here needs more): 414.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/domain-error.js';
import { sendProblem } from './problem.filter.js';
import { clientErrorProblem } from './problem.js';

export const MAX_URL_LENGTH = 2048;

export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientErrorProblem(err.code);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroySoon();
}

export const answerFrameworkError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void =>
  sendProblem(error, request, reply);

/** Refuses an over-long target before anything else looks at it (register before route-auth). */
export function installUrlLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_LENGTH) {
      throw new DomainError('REQUEST.URI_TOO_LONG', `The request target is longer than ${MAX_URL_LENGTH} characters.`);
    }
  });
}
