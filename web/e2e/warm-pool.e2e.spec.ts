/**
 * The warm pool in the browser (issue 9): with POOL_SIZE=1 the provisioning service keeps one
 * standby site built ahead of time; a signup claims it, so the customer's site is never created
 * from scratch and only the admin, API-key and host-name steps run. Its own stack (the main
 * spec runs with the pool off, the product default), the same Next build, the simulator's
 * default latencies. The customer confirms the address through the mailed link and signs in
 * (support/email.ts) before following the progress. The create-to-dashboard time (which now
 * includes that) is recorded, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectDashboardAt, fillSignupAt, launch, shot, watchSteps } from './support/browser.js';
import { confirmAndSignIn } from './support/email.js';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';
import { recordTimings, type Timings } from './support/timings.js';

const HOUR = 3_600_000;
const CUSTOMER = { organization: 'Warm Start Ltd', subdomain: 'warmstart', email: 'owner@warmstart.test', password: 'warm warm warm warm' };
const CUSTOMER_SITE = `${CUSTOMER.subdomain}.${ROOT_DOMAIN}`;
/** Made on the standby site ahead of time: the claim marks them done, they never run for the tenant. */
const PREBUILT_STEPS = ['new-site', 'install-app:erpnext'];
const WARM_STEPS = ['add-system-manager', 'api-keys', 'set-host-name'];

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const timings: Timings = {};

async function metrics(): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

const metric = (text: string, name: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

/** Polls /metrics until the pool reports a ready standby site (it is built after startup). */
async function waitForReadyStandby(timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const text = await metrics();
      const ready = metric(text, 'provisioning_pool_sites{state="ready"}') ?? 0;
      if (ready >= 1) return ready;
      last = `ready=${ready}, building=${metric(text, 'provisioning_pool_sites{state="building"}') ?? '?'}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the pool never reported a ready standby site within ${timeoutMs} ms (${last}); logs in ${stack.dir}`);
}

/** The site of every finished simulator invocation of `command` (its log names both). */
function benchRuns(command: string): string[] {
  const file = join(stack.benchPath, 'logs', 'bench-sim.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; command?: string; site?: string })
    .filter((l) => l.event === 'exit' && l.command === command)
    .map((l) => l.site ?? '');
}

beforeAll(async () => {
  // A no-op when the main spec already built in this Jest process.
  await buildWeb();
  stack = await startStack({ serviceEnv: { POOL_SIZE: '1' } });
  browser = await launch();
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
  recordTimings(timings);
}, 60_000);

test(
  'a signup with a ready standby site claims it and, once the email is confirmed, reaches its dashboard signed in, without building a site',
  async () => {
    await waitForReadyStandby();
    const ctx = await browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    const seen = await watchSteps(page);

    await fillSignupAt(page, stack.apex, CUSTOMER);
    await page.getByText(`${CUSTOMER_SITE} is available.`).waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Create' }).click();
    const tenantId = await confirmAndSignIn(page, stack, CUSTOMER.email, CUSTOMER.password);
    await expectDashboardAt(page, stack.tenantUrl(CUSTOMER.subdomain), CUSTOMER.organization);
    timings.warmPoolCreateToDashboardMs = Date.now() - t0;
    console.log(`warm pool: Create -> dashboard in ${timings.warmPoolCreateToDashboardMs} ms`);
    await shot(page, '11-warm-pool-dashboard');

    // Signed in on the tenant's own host, which the dashboard links as the site (SITE_URL_TEMPLATE,
    // the URL set-host-name gave the site, whichever of the finishing steps ends last).
    expect(await page.locator('header').textContent()).toContain(CUSTOMER.email);
    const siteUrl = `http://${CUSTOMER_SITE}:${stack.webPort}`;
    expect(await page.locator('dt:text-is("Site") + dd a').getAttribute('href', { timeout: 5000 })).toBe(siteUrl);
    expect((await ctx.cookies()).find((c) => c.name === 'tlc.session-token')?.domain).toBe(`.${ROOT_DOMAIN}`);

    // The progress page showed the warm path: the prebuilt steps done without ever running, the rest run.
    for (const key of PREBUILT_STEPS) {
      expect([...(seen.get(key) ?? [])]).toContain('succeeded');
      expect([...(seen.get(key) ?? [])]).not.toContain('running');
    }
    for (const key of WARM_STEPS) expect([...(seen.get(key) ?? [])]).toContain('succeeded');

    // The tenant's history names the standby site it claimed, and it never created a site of its own.
    const res = await fetch(`${stack.apiUrl}/v1/tenants/${tenantId}/history`, { headers: { authorization: `Bearer ${stack.apiSecret}` } });
    expect(res.status).toBe(200);
    const history = (await res.json()) as { events: Array<{ type: string; data: { standbySite?: string } }>; state: { status: string } };
    const types = history.events.map((e) => e.type);
    expect(types).toContain('StandbySiteClaimed');
    expect(types).not.toContain('SiteCreated');
    expect(types).not.toContain('AppInstalled');
    expect(history.state.status).toBe('Active');
    const standbySite = history.events.find((e) => e.type === 'StandbySiteClaimed')!.data.standbySite!;
    expect(standbySite).toMatch(/^standby-/);

    // The bench agrees: new-site and install-app ran for standby sites only, the claimed one among them.
    const newSites = benchRuns('new-site');
    expect(newSites).not.toContain(CUSTOMER_SITE);
    expect(newSites).toContain(standbySite);
    expect(newSites.every((s) => s.startsWith('standby-'))).toBe(true);
    expect(benchRuns('install-app').every((s) => s.startsWith('standby-'))).toBe(true);

    const after = await metrics();
    expect(metric(after, 'provisioning_pool_claims_total{outcome="warm"}')).toBe(1);
  },
  HOUR,
);
