/**
 * B3 lookup: GET /v1/lookup on the provisioning service under autocannon (max req/s; p50/p99 at a
 * fixed 1,000 req/s) against a bare node:http server answering from a Map, both measured the
 * same way in the same run; plus the in-process cached lookup the web proxy uses, per call.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CachedTenantLookup, openReadModel, type TenantLookupDoc } from '@tlc/tenant-lookup';
import type { BenchContext } from '../harness/context.js';
import { settle } from '../harness/context.js';
import { spawnNode, type Child } from '../harness/child.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { NotAvailableError, startProvisioning, type ProvisioningProcess } from '../harness/provisioning.js';
import { tenantHistories } from '../fixtures/tenant-histories.js';
import { seedReadModel } from '../fixtures/read-model.js';
import { paced, saturate, type LoadTarget } from './load.js';

const BARE_SERVER = join(dirname(fileURLToPath(import.meta.url)), 'bare-server.js');

async function perCallMicros(fn: (key: string) => Promise<unknown>, keys: readonly string[], calls: number): Promise<number> {
  for (const k of keys) await fn(k);
  const started = performance.now();
  for (let i = 0; i < calls; i++) await fn(keys[i % keys.length]);
  return ((performance.now() - started) * 1000) / calls;
}

async function inProcess(ctx: BenchContext, readModelUrl: string, docs: readonly TenantLookupDoc[]): Promise<Figure> {
  const store = await openReadModel(readModelUrl);
  try {
    const keys = docs.map((d) => d.subdomain);
    const map = new Map(docs.map((d) => [d.subdomain, d]));
    const calls = ctx.quick ? 20_000 : 200_000;
    const cached: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      // A fresh cache per run: every run pays its own warm-up outside the timed loop.
      const lookup = new CachedTenantLookup(store);
      cached.push(await perCallMicros((k) => lookup.bySubdomain(k), keys, calls));
      bare.push(await perCallMicros(async (k) => map.get(k) ?? null, keys, calls));
    }
    return figure({
      bench: 'B3',
      name: 'in-process cached lookup',
      unit: 'µs/call',
      runs: cached,
      baseline: { name: 'async Map.get', runs: bare },
      target: { text: '< 50 µs', check: (m) => m < 50 },
      notes: `${calls} awaited calls over ${keys.length} subdomains, CachedTenantLookup default TTLs over the sqlite read model`,
    });
  } finally {
    await store.close();
  }
}

async function startBare(docsFile: string): Promise<{ child: Child; target: LoadTarget }> {
  const child = spawnNode(BARE_SERVER, [docsFile]);
  const m = await child.waitForLine(/listening (\d+)/);
  return { child, target: { url: `http://127.0.0.1:${m[1]}`, paths: [] } };
}

export async function runB3(ctx: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tlc-bench-b3-'));
  const figures: Figure[] = [];
  const children: Array<{ stop(): Promise<void> }> = [];
  try {
    const tenants = ctx.quick ? 200 : 2000;
    const readModelUrl = `sqlite:${join(dir, 'read-model.db')}`;
    await seedReadModel(readModelUrl, tenantHistories(tenants));
    const rm = await openReadModel(readModelUrl);
    const docs = await rm.dump((await rm.live()).generation);
    await rm.close();
    ctx.log(`B3: ${docs.length} tenants in the read model`);
    figures.push(await inProcess(ctx, readModelUrl, docs).catch((e: Error) => unavailable('B3', 'in-process cached lookup', `failed: ${e.message.split('\n')[0]}`)));

    const paths = docs.slice(0, 500).map((d) => `/v1/lookup?subdomain=${encodeURIComponent(d.subdomain)}`);
    const docsFile = join(dir, 'docs.json');
    writeFileSync(docsFile, JSON.stringify({ docs }));
    const bare = await startBare(docsFile);
    children.push(bare.child);
    const bareTarget = { ...bare.target, paths };

    let service: ProvisioningProcess;
    try {
      service = await startProvisioning({ eventStoreUrl: `sqlite:${join(dir, 'events.db')}`, readModelUrl });
      children.push(service);
      const probe = await fetch(`${service.baseUrl}${paths[0]}`, { headers: service.authHeaders });
      if (probe.status !== 200) throw new NotAvailableError(`GET /v1/lookup answered ${probe.status}`);
    } catch (error) {
      const reason = `not available: ${(error as Error).message.split('\n')[0].slice(0, 160)}`;
      figures.push(unavailable('B3', 'GET /v1/lookup max req/s', reason), unavailable('B3', 'GET /v1/lookup p50 @1000 req/s', reason), unavailable('B3', 'GET /v1/lookup p99 @1000 req/s', reason));
      return figures;
    }
    const serviceTarget: LoadTarget = { url: service.baseUrl, paths, headers: service.authHeaders };

    try {
      figures.push(...(await httpFigures(ctx, bareTarget, serviceTarget)));
    } catch (error) {
      const reason = `failed: ${(error as Error).message.split('\n')[0].slice(0, 160)}`;
      figures.push(unavailable('B3', 'GET /v1/lookup max req/s', reason), unavailable('B3', 'GET /v1/lookup p99 @1000 req/s', reason));
    }
    return figures;
  } finally {
    for (const c of children.reverse()) await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function httpFigures(ctx: BenchContext, bareTarget: LoadTarget, serviceTarget: LoadTarget): Promise<Figure[]> {
  const seconds = ctx.quick ? 2 : 5;
  ctx.log(`B3 http: warm-up, then ${ctx.runs} runs of ${seconds} s saturation + ${seconds} s at 1,000 req/s per server`);
  // Warm-up (JIT, connection pools); on a loaded machine it may complete nothing, which is fine.
  await saturate(bareTarget, 2).catch(() => undefined);
  await saturate(serviceTarget, 2).catch(() => undefined);
  const max = { svc: [] as number[], bare: [] as number[] };
  const p50 = { svc: [] as number[], bare: [] as number[] };
  const p99 = { svc: [] as number[], bare: [] as number[] };
  for (let r = 0; r < ctx.runs; r++) {
    const order = r % 2 === 0 ? (['svc', 'bare'] as const) : (['bare', 'svc'] as const);
    for (const who of order) {
      max[who].push((await saturate(who === 'svc' ? serviceTarget : bareTarget, seconds)).requestsPerSecond);
      await settle(500);
    }
    for (const who of order) {
      const res = await paced(who === 'svc' ? serviceTarget : bareTarget, seconds);
      p50[who].push(res.p50);
      p99[who].push(res.p99);
      await settle(500);
    }
  }
  return [
    figure({
      bench: 'B3',
      name: 'GET /v1/lookup max req/s',
      unit: 'req/s',
      runs: max.svc,
      baseline: { name: 'bare node:http', runs: max.bare },
      target: { text: '>= 0.5 x bare', check: (_m, ratio) => (ratio ?? 0) >= 0.5 },
      notes: '32 connections, no pipelining',
    }),
    figure({ bench: 'B3', name: 'GET /v1/lookup p50 @1000 req/s', unit: 'ms', runs: p50.svc, baseline: { name: 'bare node:http', runs: p50.bare } }),
    figure({
      bench: 'B3',
      name: 'GET /v1/lookup p99 @1000 req/s',
      unit: 'ms',
      runs: p99.svc,
      baseline: { name: 'bare node:http', runs: p99.bare },
      target: { text: '<= 1.5 x bare', check: (_m, ratio) => (ratio ?? Infinity) <= 1.5 },
      notes: 'autocannon overallRate 1000, 10 connections',
    }),
  ];
}
