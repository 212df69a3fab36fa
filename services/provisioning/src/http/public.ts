/**
 * `@Public()`: the one way to take a route out of bearer auth. Every other route requires the
 * bearer (deny by default), whatever its path. The mark is read on the matched route, never on
 * the URL, at two places that must agree:
 * - the Nest guard (auth.guard.ts) reads it with the Reflector on the handler and its class;
 * - the Fastify onRequest hook (route-auth.ts) reads it from the matched route's `config`, so
 *   routes that do not go through Nest are denied by default too, and a caller without the
 *   bearer is refused before the body is read.
 * On a class it marks every method. It merges into @nestjs/platform-fastify's route config
 * (`@RouteConfig`); a `@RouteConfig` written above `@Public()` replaces that config and the
 * route then fails closed (401 at the Fastify hook), never open.
 */
import 'reflect-metadata';

export const IS_PUBLIC = 'tlc:public';
/** The route-config key the Fastify hook reads. */
export const PUBLIC_ROUTE = 'tlcPublic';
/** @nestjs/platform-fastify's RouteConfig metadata key (not exported; public.unit.spec.ts pins it). */
export const FASTIFY_ROUTE_CONFIG = '__fastify_route_config__';

function markRouteConfig(handler: object): void {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, handler) ?? {}) as Record<string, unknown>;
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG, { ...config, [PUBLIC_ROUTE]: true }, handler);
}

export function Public(): ClassDecorator & MethodDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      Reflect.defineMetadata(IS_PUBLIC, true, descriptor.value as object);
      markRouteConfig(descriptor.value as object);
      return descriptor;
    }
    // Class decorators run after the method decorators, so every route handler exists here.
    Reflect.defineMetadata(IS_PUBLIC, true, target);
    const proto = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (name !== 'constructor' && typeof value === 'function') markRouteConfig(value);
    }
    return undefined;
  }) as ClassDecorator & MethodDecorator;
}

/** True only for a route whose config carries the mark (a missing config is not public). */
export const isPublicRouteConfig = (config: unknown): boolean => !!config && typeof config === 'object' && (config as Record<string, unknown>)[PUBLIC_ROUTE] === true;
