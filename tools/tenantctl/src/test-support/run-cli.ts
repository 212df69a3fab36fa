import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BIN = join(ROOT, 'node_modules/.bin/tenantctl');

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'tools/tenantctl/dist/main.js'))) throw new Error('tenantctl is not built: run `npm run build` first');
  if (!existsSync(BIN)) throw new Error('node_modules/.bin/tenantctl is missing: run `npm install` (or `npm ci`)');
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the real binary (the same file npm links into node_modules/.bin). */
export async function tenantctl(args: string[], env: Record<string, string>): Promise<CliResult> {
  const r = await execa(BIN, args, { env, extendEnv: true, reject: false, timeout: 120_000 });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function spawnTenantctl(args: string[], env: Record<string, string>): ResultPromise {
  return execa(BIN, args, { env, extendEnv: true, reject: false });
}

export const json = <T = Record<string, unknown>>(r: CliResult): T => JSON.parse(r.stdout) as T;
