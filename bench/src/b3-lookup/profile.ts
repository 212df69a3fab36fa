/**
 * Where GET /v1/lookup spends its time: the provisioning service under `node --cpu-prof`,
 * saturated by autocannon the way B3 does it, then the profile's self time summed per function
 * and per package (node_modules/<pkg>, our own sources, Node internals, GC, idle).
 *
 *   npm run build && node bench/dist/b3-lookup/profile.js [seconds=10] [top=30]
 *
 * The .cpuprofile is kept (its path is printed) for Chrome DevTools or speedscope.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModel } from '@tlc/tenant-lookup';
import { seedReadModel } from '../fixtures/read-model.js';
import { tenantHistories } from '../fixtures/tenant-histories.js';
import { startProvisioning } from '../harness/provisioning.js';
import { saturate } from './load.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  if (!url) return '(native/gc/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /(services|libs|projections)\/([^/]+)\//.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function summarise(profile: CpuProfile, top: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(services|libs|projections)\//, '$1/')}:${f.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    pkg.set(owner(f.url) + (f.functionName.startsWith('(') ? ` ${f.functionName}` : ''), (pkg.get(owner(f.url) + (f.functionName.startsWith('(') ? ` ${f.functionName}` : '')) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`\nself time by package (${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(us)}  ${k}`);
  console.log(`\nself time by function (top ${top})`);
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
}

const seconds = Number(process.argv[2] ?? 10);
const top = Number(process.argv[3] ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'tlc-b3-profile-'));
const readModelUrl = `sqlite:${join(dir, 'read-model.db')}`;
await seedReadModel(readModelUrl, tenantHistories(2000));
const rm = await openReadModel(readModelUrl);
const docs = await rm.dump((await rm.live()).generation);
await rm.close();
const service = await startProvisioning({
  eventStoreUrl: `sqlite:${join(dir, 'events.db')}`,
  readModelUrl,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
});
const target = { url: service.baseUrl, headers: service.authHeaders, paths: docs.slice(0, 500).map((d) => `/v1/lookup?subdomain=${encodeURIComponent(d.subdomain)}`) };
await saturate(target, 2).catch(() => undefined);
const { requestsPerSecond } = await saturate(target, seconds);
console.log(`GET /v1/lookup: ${Math.round(requestsPerSecond)} req/s over ${seconds} s (with the profiler on)`);
await service.stop('SIGINT');
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
console.log(`profile: ${join(dir, file)}`);
summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, top);
