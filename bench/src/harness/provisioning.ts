/**
 * Starts the real provisioning service (services/provisioning/dist/main.js) as a child process
 * with its configuration in environment variables, exactly as an operator would.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnNode, waitForHttp, type Child } from './child.js';
import { freePort } from './ports.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const PROVISIONING_MAIN = join(REPO_ROOT, 'services', 'provisioning', 'dist', 'main.js');

export interface ProvisioningProcess {
  readonly child: Child;
  readonly baseUrl: string;
  readonly port: number;
  readonly apiSecret: string;
  readonly authHeaders: Record<string, string>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export class NotAvailableError extends Error {}

export interface ProvisioningOptions {
  readonly eventStoreUrl: string;
  readonly readModelUrl?: string;
  readonly env?: Record<string, string | undefined>;
  readonly port?: number;
  readonly apiSecret?: string;
  readonly secretsKey?: string;
  /** Path that answers 2xx once the service is ready (default /health). */
  readonly readyPath?: string;
  readonly nodeArgs?: readonly string[];
  /** How long start-up may take (default 180 s: a loaded 2-core machine needs that). */
  readonly startTimeoutMs?: number;
}

export async function startProvisioning(options: ProvisioningOptions): Promise<ProvisioningProcess> {
  if (!existsSync(PROVISIONING_MAIN)) throw new NotAvailableError('services/provisioning/dist/main.js does not exist (provisioning service not built or not landed)');
  const port = options.port ?? (await freePort());
  const apiSecret = options.apiSecret ?? randomBytes(24).toString('hex');
  const child = spawnNode(
    PROVISIONING_MAIN,
    [],
    {
      PROVISIONING_HOST: '127.0.0.1',
      PROVISIONING_PORT: String(port),
      PROVISIONING_API_SECRET: apiSecret,
      SECRETS_KEY: options.secretsKey ?? randomBytes(32).toString('hex'),
      EVENT_STORE_URL: options.eventStoreUrl,
      ...(options.readModelUrl && { READ_MODEL_URL: options.readModelUrl }),
      LOG_LEVEL: 'warn',
      // Benchmarks and the soak are one client hammering the API: the per-IP limits would only
      // measure the limiter.
      RATE_LIMIT_SIGNUPS_PER_MINUTE: '1000000',
      RATE_LIMIT_CHECKS_PER_MINUTE: '1000000',
      RATE_LIMIT_CREDENTIAL_CHECKS_PER_MINUTE: '1000000',
      RATE_LIMIT_LOOKUPS_PER_MINUTE: '1000000',
      SCRYPT_LOG_N: '10',
      // Without a bench (B3's lookup runs) the instance serves the API only: the process manager
      // would refuse to start on a missing bench (bench-check.ts), and has nothing to do there.
      ...(options.env?.BENCH_PATH ? {} : { PM_ENABLED: 'false' }),
      ...options.env,
    },
    options.nodeArgs,
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const authHeaders = { authorization: `Bearer ${apiSecret}` };
  try {
    await waitForHttp(`${baseUrl}${options.readyPath ?? '/health'}`, options.startTimeoutMs ?? 180_000, child, authHeaders);
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { child, baseUrl, port, apiSecret, authHeaders, stop: (signal) => child.stop(signal) };
}
