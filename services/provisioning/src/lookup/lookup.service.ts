/**
 * The provisioning API's window on the tenant lookup read model (projections/tenant-lookup).
 * The projector runs as its own process; this side only reads, and exposes the projection's
 * lag on the app's /metrics. A read model that does not answer is a 503, never a 500.
 * Lookups by subdomain or email go through FreshTenantLookup (a cache that follows the
 * projection's checkpoint; see there for how stale an answer can be); listing reads the store.
 */
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@tlc/event-store';
import type { TenantStatus } from '@tlc/tenant-events';
import { listTenants, projectionLag, registerTenantLookupMetrics, type ListFilter, type ListPage, type ReadModelStore } from '@tlc/tenant-lookup';
import { EVENT_STORE } from '../config/tokens.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { DomainError } from '../shared/domain-error.js';
import { FreshTenantLookup, type LookupAnswer } from './fresh-lookup.js';
import type { LookupBy } from './lookup-query.js';

export const READ_MODEL = Symbol.for('tlc.provisioning.read-model');

@Injectable()
export class LookupService implements OnModuleInit, OnApplicationShutdown {
  private readonly fresh: FreshTenantLookup;

  constructor(
    @Inject(READ_MODEL) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {
    this.fresh = new FreshTenantLookup(store);
  }

  onModuleInit(): void {
    registerTenantLookupMetrics(this.metrics.registry, () => projectionLag(this.store, this.events));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  /**
   * The tenant's document as JSON, sent as is by the route. One `then` per request, with
   * handlers made once, on purpose (bench B3): no async wrappers around the cache's promise.
   */
  findJson(by: LookupBy, value: string): Promise<string> {
    return this.fresh.find(by, value).then(JSON_OR_NOT_FOUND[by], rethrowUnavailable);
  }

  list(filter: ListFilter): Promise<ListPage> {
    return this.guard(() => listTenants(this.store, { ...filter, status: filter.status as TenantStatus[] | undefined }));
  }

  private async guard<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (err) {
      throw unavailable(err);
    }
  }
}

const jsonOrNotFound =
  (by: LookupBy) =>
  (answer: LookupAnswer | null): string => {
    if (!answer) throw new DomainError('TENANT.NOT_FOUND', `No tenant has that ${by}.`, { field: by });
    return answer.json;
  };
const JSON_OR_NOT_FOUND: Readonly<Record<LookupBy, (answer: LookupAnswer | null) => string>> = {
  subdomain: jsonOrNotFound('subdomain'),
  email: jsonOrNotFound('email'),
};
const rethrowUnavailable = (err: unknown): never => {
  throw unavailable(err);
};

const unavailable = (err: unknown): DomainError => (err instanceof DomainError ? err : new DomainError('SERVICE.UNAVAILABLE', 'The tenant lookup read model does not answer; try again shortly.'));
