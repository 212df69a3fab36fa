/**
 * The operations console's tenant table at 10,000 tenants (issue 21): the read-model queries
 * behind one /ops page (the attention queue's two lists and the table page), timed in process on
 * a seeded SQLite read model for the unfiltered first page, a status filter, and a deep page.
 * The page's own rendering is not in these figures (the e2e suite covers the page).
 *
 *   npm run build && node bench/dist/ops-console/table.js [tenants=10000] [rounds=200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTenants, openReadModel } from '@tlc/tenant-lookup';
import { seedReadModel } from '../fixtures/read-model.js';
import { tenantHistories } from '../fixtures/tenant-histories.js';
import { median, percentile } from '../harness/stats.js';

const tenants = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 200);
const PAGE = 50;
const dir = mkdtempSync(join(tmpdir(), 'tlc-ops-table-'));
const url = `sqlite:${join(dir, 'read-model.db')}`;

try {
  await seedReadModel(url, tenantHistories(tenants));
  const store = await openReadModel(url);
  const cases: Record<string, () => Promise<unknown>> = {
    'page 1, all statuses': () => listTenants(store, { status: [], limit: PAGE, offset: 0 }),
    'page 1, status Active': () => listTenants(store, { status: ['Active'], limit: PAGE, offset: 0 }),
    [`page ${Math.floor(tenants / PAGE / 2)}, all statuses`]: () => listTenants(store, { status: [], limit: PAGE, offset: Math.floor(tenants / 2) }),
    'attention queue (Broken; Failed, RollingBack, RolledBack)': () =>
      Promise.all([listTenants(store, { status: ['Broken'], limit: 10 }), listTenants(store, { status: ['Failed', 'RollingBack', 'RolledBack'], limit: 10 })]),
  };
  process.stdout.write(`tenant table queries on ${tenants} tenants (SQLite read model), ${rounds} rounds each after 20 warm-up:\n`);
  for (const [name, run] of Object.entries(cases)) {
    for (let i = 0; i < 20; i++) await run();
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = process.hrtime.bigint();
      await run();
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    process.stdout.write(`  ${name.padEnd(58)} median ${median(ms).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms\n`);
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
