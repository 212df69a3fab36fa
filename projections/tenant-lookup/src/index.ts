export * from './tenant-lookup.js';
export * from './store.js';
// Store classes are not re-exported: openReadModel(READ_MODEL_URL) loads only the driver it needs.
export { DEFAULT_READ_MODEL_URL, openReadModel, parseReadModelUrl, readModelUrlFromEnv, type ReadModelTarget } from './store-factory.js';
export { TenantLookupProjector, catchUpLive, type ProjectorOptions, type ProjectorState } from './runner.js';
export { rebuildTenantLookup, type RebuildOptions, type RebuildProgress, type RebuildResult } from './rebuild.js';
export { projectionLag, type ProjectionLag } from './lag.js';
export { registerTenantLookupMetrics } from './metrics.js';
export { CachedTenantLookup, type CachedLookupOptions } from './cached-lookup.js';
export * from './sample-histories.js';
