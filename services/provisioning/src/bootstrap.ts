/**
 * `createProvisioningApp(config)`: the one way to build the app, used by main.ts, the tests and
 * the dev stack. Fastify (not Express), 16 KiB body limit, X-Request-Id as correlation id,
 * problem+json for errors Fastify raises before Nest sees the request, OpenAPI at /docs.
 * Auth is deny by default on the matched route (http/route-auth.ts, http/auth.guard.ts); the
 * JSON parser checks depth and text encoding (http/json-body.ts).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { createEventStore, type EventStore } from '@tlc/event-store';
import type { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { ProvisioningConfig } from './config/config.js';
import { mountDocs } from './http/docs.js';
import { answerClientError, answerFrameworkError, installEdgeHooks, installUrlLimit } from './http/edge.js';
import { installJsonBodyParser } from './http/json-body.js';
import { installRouteAuth, type RouteEntry } from './http/route-auth.js';
import { MetricsService } from './metrics/metrics.service.js';
import { createKeyStore, keyStoreUrlFor, type KeyStore } from './secrets/key-store.js';
import { correlationIdFrom } from './shared/ids.js';
import { PinoNestLogger, createLogger } from './shared/logger.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

export interface ProvisioningAppOptions {
  /** Use this store instead of opening EVENT_STORE_URL (the caller then closes it). */
  readonly eventStore?: EventStore;
  readonly keyStore?: KeyStore;
  /** Where log lines go (default stdout); tests capture them here. */
  readonly logStream?: DestinationStream;
}

export interface ProvisioningApp {
  readonly app: NestFastifyApplication;
  readonly config: ProvisioningConfig;
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly logger: Logger;
  /** Every route Fastify registered (method, pattern, public or not): the specs attack each one. */
  readonly routes: readonly RouteEntry[];
  /** Listens on config.host:config.port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Closes the app, then the stores it opened itself. */
  close(): Promise<void>;
}

export async function createProvisioningApp(config: ProvisioningConfig, options: ProvisioningAppOptions = {}): Promise<ProvisioningApp> {
  const logger = createLogger(config.logLevel, options.logStream);
  const eventStore = options.eventStore ?? (await createEventStore(config.eventStoreUrl));
  const keyStore = options.keyStore ?? (await createKeyStore(config.keyStoreUrl ?? keyStoreUrlFor(config.eventStoreUrl)));

  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => correlationIdFrom(req.headers['x-request-id']),
    // One line per request (below, when it completes) instead of Fastify's two: the lookup
    // route answers thousands of requests a second and each log line is a measurable share.
    // (Through a LogController: Fastify 5.12 deprecates the top-level options, with a warning
    // at every start.)
    logController: new LogController({ requestIdLogLabel: 'correlationId', disableRequestLogging: true }),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Answers raised before any route or hook runs leave as problem+json too (http/edge.ts).
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    return503OnClosing: true,
    // Fastify takes a hop count too; its typings omit it.
    trustProxy: config.trustProxy as boolean | string,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, eventStore, keyStore, logger }), adapter, { logger: new PinoNestLogger(logger), abortOnError: false });
  const fastify = app.getHttpAdapter().getInstance();
  // Before any route exists (Nest registers its routes in app.init(), the docs below), and
  // ahead of the other onRequest hooks: a caller without the bearer learns nothing else.
  installUrlLimit(fastify);
  const routes = installRouteAuth(fastify, config.apiSecret);
  // Depth, UTF-8 and lone-surrogate checks before class-transformer sees a body.
  installJsonBodyParser(app, BODY_LIMIT_BYTES);
  // JSON bodies only, X-Request-Id on every answer, metrics and one log line per request.
  installEdgeHooks(fastify, app.get(MetricsService));

  await mountDocs(app);
  await app.init();
  await fastify.ready();

  return {
    app,
    config,
    eventStore,
    keyStore,
    logger,
    routes,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = fastify.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    },
    async close() {
      await app.close();
      if (!options.eventStore) await eventStore.close();
      if (!options.keyStore) await keyStore.close();
    },
  };
}
