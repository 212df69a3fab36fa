/**
 * "Read model = a fresh rebuild": wait until the live projector has folded the whole log, dump
 * its live generation, rebuild the same projection from the log into a brand-new store, dump
 * that, and compare document by document.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EventStore } from '@tlc/event-store';
import { openReadModel, projectionLag, rebuildTenantLookup, type TenantLookupDoc } from '@tlc/tenant-lookup';
import type { CheckResult } from './checks.js';

export async function waitForProjector(es: EventStore, readModelUrl: string, timeoutMs: number): Promise<number> {
  const rm = await openReadModel(readModelUrl);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await projectionLag(rm, es);
      if (lag.eventsBehind === 0) return lag.checkpoint;
      if (Date.now() > deadline) throw new Error(`projector still ${lag.eventsBehind} events behind after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await rm.close();
  }
}

async function dumpLive(url: string): Promise<TenantLookupDoc[]> {
  const rm = await openReadModel(url);
  try {
    return await rm.dump((await rm.live()).generation);
  } finally {
    await rm.close();
  }
}

export async function checkReadModel(es: EventStore, liveUrl: string, freshUrl: string): Promise<CheckResult> {
  const live = await dumpLive(liveUrl);
  const fresh = await openReadModel(freshUrl);
  try {
    await rebuildTenantLookup(fresh, es);
  } finally {
    await fresh.close();
  }
  const rebuilt = await dumpLive(freshUrl);
  const byId = new Map(rebuilt.map((d) => [d.tenantId, d]));
  const differing = live.filter((d) => !isDeepStrictEqual(d, byId.get(d.tenantId)));
  const missing = rebuilt.filter((d) => !live.some((l) => l.tenantId === d.tenantId));
  return {
    name: 'read model = fresh rebuild',
    ok: live.length === rebuilt.length && differing.length === 0 && missing.length === 0,
    detail: `${live.length} live documents, ${rebuilt.length} rebuilt${differing.length ? `; ${differing.length} differ (first: ${differing[0].tenantId})` : ''}${missing.length ? `; ${missing.length} missing from the live model` : ''}`,
  };
}
