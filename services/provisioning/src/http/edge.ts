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
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service.js';
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

export const answerFrameworkError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => sendProblem(error, request, reply);

/*
 * The hooks below are callback style, not async: an async hook costs every request a promise
 * and a microtask hop, and these run on every request, the hot lookup included (bench B3).
 * A throw inside one is a refusal all the same (Fastify's hook runner catches it).
 */

/** Refuses an over-long target before anything else looks at it (register before route-auth). */
export function installUrlLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_LENGTH) {
      throw new DomainError('REQUEST.URI_TOO_LONG', `The request target is longer than ${MAX_URL_LENGTH} characters.`);
    }
    done();
  });
}

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * After route-auth: JSON bodies only (Fastify would also parse text/plain and forms, which no
 * route here takes); X-Request-Id on every answer; one metrics observation and one log line per
 * request once it completes.
 */
export function installEdgeHooks(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const h = request.headers;
    const hasBody = (h['content-length'] !== undefined && Number(h['content-length']) > 0) || h['transfer-encoding'] !== undefined;
    if (hasBody && !JSON_TYPE.test(String(h['content-type'] ?? ''))) {
      throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    }
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttp(request.method, request.routeOptions?.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    // The line's object is built only when it will be written (the bench runs at warn).
    if ((request.log as Logger).isLevelEnabled('info')) {
      request.log.info({ req: { method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
    }
    done();
  });
}
