/**
 * A whole control plane in a temp folder, for B4 and the soak: a simulated frappe-bench, the
 * event store and read model (SQLite files, or fresh PostgreSQL databases), the provisioning
 * service (restartable: the soak SIGKILLs it) and the tenant-lookup projector. Everything it
 * creates is removed by `cleanup()`.
 */
import { execa } from 'execa';
import { CLIENT_BIN } from '@tlc/bench-simulator';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNode, type Child } from '../harness/child.js';
import { createTempDatabase, type TempDatabase } from '../harness/postgres.js';
import { REPO_ROOT, startProvisioning, type ProvisioningProcess } from '../harness/provisioning.js';
import { freePort } from '../harness/ports.js';

export const BENCH_SIM = join(REPO_ROOT, 'tools', 'bench-simulator', 'bin', 'bench-sim.js');
export const BENCH_SIM_DAEMON = join(REPO_ROOT, 'tools', 'bench-simulator', 'dist', 'daemon-main.js');
export const BENCH_SIM_WEB = join(REPO_ROOT, 'tools', 'bench-simulator', 'dist', 'web-main.js');
export const PROJECTOR_MAIN = join(REPO_ROOT, 'projections', 'tenant-lookup', 'dist', 'main.js');
export const ROOT_DOMAIN = 'soak.localhost';

export type StoreKind = 'sqlite' | 'postgres';

export interface StackOptions {
  readonly store: StoreKind;
  readonly postgresUrl: string;
  /** Extra environment for the service (and so for every bench it runs). */
  readonly env?: Record<string, string | undefined>;
  readonly log?: (line: string) => void;
  /** Extra node options for the service, e.g. --cpu-prof to profile it. */
  readonly serviceNodeArgs?: readonly string[];
  /**
   * How bench is simulated. `process` (default): one Node process per command, ~100-200 ms of
   * start-up each on this machine. `daemon`: the native bench-sim-client per command, served by
   * one bench-sim-daemon, a few ms each: still one process per command for the service, but
   * with start-up costs in proportion to scaled-down latencies (B4, B5).
   */
  readonly simulator?: 'process' | 'daemon';
  /**
   * Also serve the simulated sites' REST API (bench-sim-web) and give the service its FRAPPE_URL,
   * so a claim goes over REST as it would on real Frappe (gunicorn). Its latencies come from the
   * same BENCH_SIM_PROFILE / BENCH_SIM_LATENCY as the bench commands'.
   */
  readonly web?: boolean;
}

export class Stack {
  readonly apiSecret = randomBytes(24).toString('hex');
  readonly secretsKey = randomBytes(32).toString('hex');
  service: ProvisioningProcess | undefined;
  projector: Child | undefined;
  private simDaemon: Child | undefined;
  private simWeb: Child | undefined;
  private webUrl: string | undefined;
  private port = 0;

  private constructor(
    readonly dir: string,
    readonly benchPath: string,
    readonly eventStoreUrl: string,
    readonly readModelUrl: string,
    readonly keyStoreUrl: string | undefined,
    private readonly databases: TempDatabase[],
    private readonly options: StackOptions,
  ) {}

  static async create(options: StackOptions): Promise<Stack> {
    const dir = mkdtempSync(join(tmpdir(), 'tlc-stack-'));
    const databases: TempDatabase[] = [];
    try {
      const benchPath = join(dir, 'frappe-bench');
      await execa(process.execPath, [BENCH_SIM, 'init', benchPath], { env: { BENCH_SIM_MARIADB_URL: '' } });
      if (options.store === 'sqlite') {
        return new Stack(dir, benchPath, `sqlite:${join(dir, 'events.db')}`, `sqlite:${join(dir, 'read-model.db')}`, `sqlite:${join(dir, 'keys.db')}`, databases, options);
      }
      const events = await createTempDatabase(options.postgresUrl, 'tlc_soak');
      databases.push(events);
      const readModel = await createTempDatabase(options.postgresUrl, 'tlc_soak');
      databases.push(readModel);
      // Keys beside the events (the service derives the key store from the event store URL).
      return new Stack(dir, benchPath, events.url, readModel.url, undefined, databases, options);
    } catch (error) {
      for (const db of databases) await db.drop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.apiSecret}` };
  }

  /** The bench binary and the environment it needs, starting the simulator daemon if asked for. */
  async bench(): Promise<Record<string, string>> {
    if (this.options.simulator !== 'daemon') return { BENCH_BIN: BENCH_SIM };
    const socket = join(this.dir, 'bench-sim.sock');
    if (!this.simDaemon || this.simDaemon.exited()) {
      this.simDaemon = spawnNode(BENCH_SIM_DAEMON, ['--socket', socket]);
      await this.simDaemon.waitForLine(/listening on/);
    }
    return { BENCH_BIN: CLIENT_BIN, BENCH_SIM_SOCKET: socket };
  }

  /** bench-sim-web on a free port, once; its URL as the service's FRAPPE_URL. */
  private async web(): Promise<Record<string, string>> {
    if (!this.options.web) return {};
    if (!this.simWeb || this.simWeb.exited()) {
      const sim = Object.fromEntries(Object.entries(this.options.env ?? {}).filter(([k]) => k.startsWith('BENCH_SIM_')));
      this.simWeb = spawnNode(BENCH_SIM_WEB, ['--bench', this.benchPath, '--port', '0'], sim);
      this.webUrl = (await this.simWeb.waitForLine(/listening on (http:\/\/\S+)/))[1];
    }
    return { FRAPPE_URL: this.webUrl! };
  }

  /** Starts (or restarts, on the same port) the provisioning service and waits for /health. */
  async startService(extraEnv: Record<string, string | undefined> = {}): Promise<ProvisioningProcess> {
    if (this.port === 0) this.port = await freePort();
    const bench = { ...(await this.bench()), ...(await this.web()) };
    this.service = await startProvisioning({
      eventStoreUrl: this.eventStoreUrl,
      readModelUrl: this.readModelUrl,
      port: this.port,
      apiSecret: this.apiSecret,
      secretsKey: this.secretsKey,
      env: {
        ...(this.keyStoreUrl && { KEY_STORE_URL: this.keyStoreUrl }),
        BENCH_PATH: this.benchPath,
        ...bench,
        ROOT_DOMAIN,
        ...this.options.env,
        ...extraEnv,
      },
      nodeArgs: this.options.serviceNodeArgs,
    });
    return this.service;
  }

  async killService(): Promise<void> {
    await this.service?.stop('SIGKILL');
    this.service = undefined;
  }

  startProjector(): Child {
    this.projector = spawnNode(PROJECTOR_MAIN, [], { EVENT_STORE_URL: this.eventStoreUrl, READ_MODEL_URL: this.readModelUrl });
    return this.projector;
  }

  async cleanup(): Promise<void> {
    await this.service?.stop().catch(() => undefined);
    await this.projector?.stop().catch(() => undefined);
    await this.simDaemon?.stop().catch(() => undefined);
    await this.simWeb?.stop().catch(() => undefined);
    for (const db of this.databases) await db.drop().catch((e: Error) => this.options.log?.(`could not drop ${db.name}: ${e.message}`));
    try {
      // A bench the killed service had started may still be writing under sites/ for a moment.
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      this.options.log?.(`could not remove ${this.dir}: ${(error as Error).message}`);
    }
  }
}
