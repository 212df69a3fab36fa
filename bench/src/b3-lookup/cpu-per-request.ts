/**
 * B3's comparison in CPU time rather than requests per second: the CPU (user + system, from
 * /proc/<pid>/stat) that the provisioning service and the bare node:http server each spend per
 * GET /v1/lookup under the same autocannon load. On a machine other work keeps busy, max req/s
 * mostly measures the neighbours; CPU per request is what the server itself costs, and
 * bare µs / service µs is the throughput ratio a quiet machine would show (Linux only).
 *
 *   npm run build && node bench/dist/b3-lookup/cpu-per-request.js [seconds=10] [runs=3]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openReadModel } from '@tlc/tenant-lookup';
import { seedReadModel } from '../fixtures/read-model.js';
import { tenantHistories } from '../fixtures/tenant-histories.js';
import { spawnNode } from '../harness/child.js';
import { startProvisioning } from '../harness/provisioning.js';
import type { LoadTarget } from './load.js';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in microseconds. */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

async function measure(pid: number, target: LoadTarget, seconds: number): Promise<{ perRequest: number; rps: number }> {
  const before = cpuMicros(pid);
  const r = await autocannon({
    url: target.url,
    headers: target.headers,
    connections: 32,
    duration: seconds,
    requests: target.paths.map((path) => ({ method: 'GET', path })),
  } as autocannon.Options);
  const used = cpuMicros(pid) - before;
  if (r.non2xx > 0) throw new Error(`${target.url}: ${r.non2xx} non-2xx answers`);
  return { perRequest: used / r.requests.total, rps: r.requests.total / (r.duration || seconds) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const seconds = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'tlc-b3-cpu-'));
try {
  const readModelUrl = `sqlite:${join(dir, 'read-model.db')}`;
  await seedReadModel(readModelUrl, tenantHistories(2000));
  const rm = await openReadModel(readModelUrl);
  const docs = await rm.dump((await rm.live()).generation);
  await rm.close();
  const paths = docs.slice(0, 500).map((d) => `/v1/lookup?subdomain=${encodeURIComponent(d.subdomain)}`);
  writeFileSync(join(dir, 'docs.json'), JSON.stringify({ docs }));
  const bare = spawnNode(join(dirname(fileURLToPath(import.meta.url)), 'bare-server.js'), [join(dir, 'docs.json')]);
  const port = (await bare.waitForLine(/listening (\d+)/))[1];
  const service = await startProvisioning({ eventStoreUrl: `sqlite:${join(dir, 'events.db')}`, readModelUrl });
  try {
    const targets = {
      service: { pid: service.child.pid, target: { url: service.baseUrl, headers: service.authHeaders, paths } },
      bare: { pid: bare.pid, target: { url: `http://127.0.0.1:${port}`, paths } },
    };
    for (const t of Object.values(targets)) await measure(t.pid, t.target, 2); // warm-up
    const per = { service: [] as number[], bare: [] as number[] };
    const rps = { service: [] as number[], bare: [] as number[] };
    for (let i = 0; i < runs; i++) {
      for (const who of i % 2 === 0 ? (['service', 'bare'] as const) : (['bare', 'service'] as const)) {
        const m = await measure(targets[who].pid, targets[who].target, seconds);
        per[who].push(m.perRequest);
        rps[who].push(m.rps);
      }
    }
    const svc = median(per.service);
    const b = median(per.bare);
    console.log(`CPU per GET /v1/lookup (median of ${runs} x ${seconds} s, 32 connections):`);
    console.log(`  provisioning service: ${svc.toFixed(1)} µs/request (${Math.round(median(rps.service))} req/s)`);
    console.log(`  bare node:http:       ${b.toFixed(1)} µs/request (${Math.round(median(rps.bare))} req/s)`);
    console.log(`  ratio bare/service:   ${(b / svc).toFixed(2)} (the max req/s ratio a machine with a core to spare would show)`);
  } finally {
    await service.stop();
    await bare.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
