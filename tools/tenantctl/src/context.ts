/**
 * Configuration (read once, frozen) and the connections a command needs. Every failure to
 * open or reach a backend becomes exit code 3 with a message naming the variable to check.
 */
import { existsSync } from 'node:fs';
import { createEventStore, describeEventStoreUrl, type EventStore } from '@tlc/event-store';
import { openReadModel, parseReadModelUrl, readModelUrlFromEnv, type ReadModelStore } from '@tlc/tenant-lookup';
import { unreachable, usage } from './exit-codes.js';

export interface CliConfig {
  readonly eventStoreUrl: string;
  readonly readModelUrl: string;
  readonly provisioningUrl: string;
  readonly apiSecret: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const provisioningUrl = env.PROVISIONING_URL?.trim() || 'http://127.0.0.1:4000';
  if (!URL.canParse(provisioningUrl)) throw usage(`PROVISIONING_URL is not a URL: "${provisioningUrl}"`);
  return Object.freeze({
    eventStoreUrl: env.EVENT_STORE_URL?.trim() || 'sqlite:./data/events.db',
    readModelUrl: readModelUrlFromEnv(env),
    provisioningUrl: provisioningUrl.replace(/\/+$/, ''),
    apiSecret: env.PROVISIONING_API_SECRET?.trim() || undefined,
  });
}

/** A SQLite URL naming a file that does not exist would silently create an empty store. */
function sqliteFileMissing(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const path = url.slice('sqlite:'.length);
  return path !== ':memory:' && !existsSync(path) ? path : undefined;
}

export async function withEventStore<T>(cfg: CliConfig, fn: (es: EventStore) => Promise<T>): Promise<T> {
  let es: EventStore;
  try {
    const missing = sqliteFileMissing(cfg.eventStoreUrl);
    if (missing) throw new Error(`no SQLite event store at ${missing}`);
    es = await createEventStore(cfg.eventStoreUrl);
    await es.ping();
  } catch (err) {
    throw unreachable(`the event store (EVENT_STORE_URL=${safeDescribe(cfg.eventStoreUrl)})`, err);
  }
  try {
    return await fn(es);
  } finally {
    await es.close().catch(() => undefined);
  }
}

export async function withReadModel<T>(cfg: CliConfig, fn: (rm: ReadModelStore) => Promise<T>, options: { mustExist?: boolean } = {}): Promise<T> {
  let rm: ReadModelStore;
  try {
    const target = parseReadModelUrl(cfg.readModelUrl);
    if (options.mustExist && target.kind === 'sqlite' && target.file !== ':memory:' && !existsSync(target.file)) {
      throw new Error(`no SQLite read model at ${target.file}`);
    }
    rm = await openReadModel(cfg.readModelUrl);
  } catch (err) {
    throw unreachable(`the read model (READ_MODEL_URL)`, err);
  }
  try {
    return await fn(rm);
  } finally {
    await rm.close().catch(() => undefined);
  }
}

function safeDescribe(url: string): string {
  try {
    return describeEventStoreUrl(url);
  } catch {
    return '(unparsable)';
  }
}
