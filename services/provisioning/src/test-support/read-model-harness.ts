/**
 * The provisioning app on SQLite with a read model already projected from sample histories: what
 * the lookup API spec and tenantctl's tenants spec both start from. The read model's URL travels
 * in READ_MODEL_URL, as the app reads it at start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSampleHistories, catchUpLive, openReadModel, type sampleHistories } from '@tlc/tenant-lookup';
import { startHarness, type Harness } from './app-harness.js';

export interface ReadModelHarness {
  readonly h: Harness;
  /** Stops the app and removes its files. */
  close(): Promise<void>;
}

export async function startWithReadModel(prefix: string, histories: ReturnType<typeof sampleHistories>): Promise<ReadModelHarness> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.env.READ_MODEL_URL = `sqlite:${join(dir, 'read-model.db')}`;
  const h = await startHarness('sqlite', {}, { sqliteFile: join(dir, 'events.db') });
  await appendSampleHistories(h.store, histories);
  const rm = await openReadModel(process.env.READ_MODEL_URL);
  await catchUpLive(rm, h.store);
  await rm.close();
  return {
    h,
    async close() {
      await h.close();
      delete process.env.READ_MODEL_URL;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
