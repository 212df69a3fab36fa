/**
 * Deny by default at the router: every matched Fastify route requires the bearer unless its
 * route config carries the `@Public()` mark (public.ts). This covers the routes that do not go
 * through Nest (the OpenAPI document and Swagger UI, and anything registered on Fastify later),
 * which the Nest guard never sees, and it refuses a caller without the bearer in onRequest,
 * before the body is read or parsed. The decision uses only the route the router matched
 * (`request.routeOptions`), never the URL, so no spelling of a path can change it.
 *
 * The OpenAPI document and Swagger UI are mounted on Fastify directly (Swagger UI's static files
 * through a plugin that registers its routes only when Fastify loads its plugins), so they are
 * public by pattern: GET/HEAD under /docs, decided at registration on the route's own pattern.
 * A Nest controller under /docs would still need the bearer: the Nest guard checks it too.
 *
 * It also keeps the app's own route table (method, pattern, public), which the raw-target spec
 * walks so that a new route is attacked as soon as it exists.
 */
import type { FastifyInstance } from 'fastify';
import { BearerSecret, unauthorized } from './bearer.js';
import { PUBLIC_ROUTE, isPublicRouteConfig } from './public.js';

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
}

const DOCS = /^\/docs(\/|$)/;
const READ = new Set(['GET', 'HEAD']);

/** Installs both hooks (before any route exists) and returns the route table it fills. */
export function installRouteAuth(fastify: FastifyInstance, apiSecret: string): readonly RouteEntry[] {
  const bearer = new BearerSecret(apiSecret);
  const routes: RouteEntry[] = [];

  fastify.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    if (DOCS.test(opts.url) && methods.every((m) => READ.has(m))) opts.config = { ...(opts.config as object | undefined), [PUBLIC_ROUTE]: true } as typeof opts.config;
    const isPublic = isPublicRouteConfig(opts.config);
    for (const method of methods) routes.push({ method, url: opts.url, public: isPublic });
  });

  // Callback style, not async: a hook that returns a promise costs every request a promise
  // and a microtask hop (bench B3). A throw here is the same refusal (Fastify catches it).
  fastify.addHook('onRequest', (request, _reply, done) => {
    // No route matched: the answer is a 404 that reveals nothing and reaches nothing.
    if (!request.is404 && !isPublicRouteConfig(request.routeOptions.config) && !bearer.accepts(request.headers.authorization)) throw unauthorized();
    done();
  });

  return routes;
}
