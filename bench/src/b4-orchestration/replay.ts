/**
 * B4 baseline: the bench invocations the service made for each tenant (read back from the
 * simulator's invocation log), replayed for fresh site names by a plain execa loop: one tenant's
 * commands in order, `concurrency` tenants at once. What is left between the two is the
 * orchestration: HTTP, event appends, subscription, process manager.
 */
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachConcurrently } from '../harness/concurrency.js';
import { ROOT_DOMAIN, type Stack } from '../stack/stack.js';

interface LogLine {
  event: string;
  argv: string[];
  site?: string;
  exitCode?: number;
}

function commandsBySite(benchPath: string): Map<string, string[][]> {
  const lines = readFileSync(join(benchPath, 'logs', 'bench-sim.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LogLine);
  const bySite = new Map<string, string[][]>();
  for (const l of lines) {
    if (l.event !== 'exit' || l.exitCode !== 0) continue;
    const site = l.site ?? l.argv.find((a) => a.endsWith(`.${ROOT_DOMAIN}`));
    if (!site) continue;
    bySite.set(site, [...(bySite.get(site) ?? []), l.argv]);
  }
  return bySite;
}

function renamed(argv: readonly string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db-name' && i + 1 < argv.length) {
      out.push(a, `_r${randomBytes(7).toString('hex')}`);
      i++;
    } else out.push(a.split(from).join(to));
  }
  return out;
}

/**
 * What the service writes to bench's stdin: passwords for getpass (new-site asks twice,
 * set-password once; none is ever on the command line). Every other command gets no stdin, as
 * a prompt then ends at EOF instead of waiting forever.
 */
function stdinFor(argv: readonly string[]): { input: string } | { stdin: 'ignore' } {
  const password = `Replay-${randomBytes(6).toString('hex')}\n`;
  if (argv.includes('new-site')) return { input: password.repeat(2) };
  if (argv.includes('set-password')) return { input: password };
  return { stdin: 'ignore' };
}

/** Returns tenants per minute for each round of subdomains. */
export async function replayBench(stack: Stack, rounds: readonly (readonly string[])[], concurrency: number): Promise<number[]> {
  const bySite = commandsBySite(stack.benchPath);
  const results: number[] = [];
  for (const subdomains of rounds) {
    const plans = subdomains.map((sub) => {
      const site = `${sub}.${ROOT_DOMAIN}`;
      const commands = bySite.get(site);
      if (!commands || commands.length === 0) throw new Error(`no bench invocations logged for ${site}`);
      return commands.map((argv) => renamed(argv, site, `r${sub}.${ROOT_DOMAIN}`));
    });
    // The same bench the service used (the daemon's client when the stack runs one).
    const { BENCH_BIN: bin, ...benchEnv } = await stack.bench();
    const started = Date.now();
    await forEachConcurrently(plans, concurrency, async (commands) => {
      for (const argv of commands) {
        await execa(bin, argv, { cwd: stack.benchPath, env: { ...benchEnv, BENCH_SIM_MARIADB_URL: '', BENCH_SIM_FAIL: '', BENCH_SIM_LATENCY: '' }, ...stdinFor(argv) });
      }
    });
    results.push(subdomains.length / ((Date.now() - started) / 60_000));
  }
  return results;
}
