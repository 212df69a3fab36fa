/** The daemon as its own process and the compiled client, for tests of daemon mode. */
import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_BIN } from '../daemon.js';

export const DAEMON_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/bench-sim-daemon.js');
export { CLIENT_BIN };

export interface DaemonProcess {
  readonly socketPath: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts `bench-sim-daemon` and resolves once it says it listens. */
export async function startDaemonProcess(): Promise<DaemonProcess> {
  const socketPath = join(mkdtempSync(join(tmpdir(), 'bench-simd-')), 'd.sock');
  const child = execa(process.execPath, [DAEMON_BIN, '--socket', socketPath], { reject: false, stdin: 'ignore' });
  await new Promise<void>((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('listening on')) ok();
    });
    void child.then((r) => fail(new Error(`bench-sim-daemon exited: ${r.stderr}`)));
  });
  return {
    socketPath,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}

/** Runs one command through the client, in its own process group as the service's runner does. */
export function runClient(socketPath: string, cwd: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const child = execa(CLIENT_BIN, args, {
    cwd,
    reject: false,
    detached: true,
    ...(input !== undefined ? { input } : { stdin: 'ignore' as const }),
    env: { BENCH_SIM_SOCKET: socketPath, BENCH_SIM_MARIADB_URL: '', FRAPPE_SITE: '', ...env },
    extendEnv: true,
  });
  return { pid: child.pid!, result: child };
}

export type ClientRun = ReturnType<typeof runClient>;
