/**
 * Conformance with real Frappe v15.50 + bench 5.22.3 (fixtures/frappe-v15/transcripts.json):
 * every recorded run is replayed against the built simulator, in the state it ran in
 * (test-support/conformance-cases.ts), and compared on what the service reads: the exit code, the last line
 * of stderr, the stdout lines, and the files and database left behind. Where the simulator
 * differs on purpose, the case lists the deviation and the spec asserts it is still there.
 */
import { jest } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARGV_NOT_RECORDED, CASES, type Deviation, type StdoutLines } from './test-support/conformance-cases.js';
import { CaseBench, createAdmin, dropAdmin, fill, lastLine, lines, normalise, RECORDED, type Recorded } from './test-support/conformance-harness.js';

jest.setTimeout(120_000);
beforeAll(createAdmin);
afterAll(dropAdmin);

/** Deviations every case with a traceback has: the frames are a stand-in (README item 7 is what matters). */
const standInFrames: Deviation = {
  what: 'tracebacks are a short stand-in (no real frames, no local variables); the exception line and the absence of a `:: Type: msg ::` line match',
  check: (sim, rec) => {
    expect(sim.stderr.startsWith('Traceback (most recent call last):\n')).toBe(true);
    expect(sim.stderr.split('\n').length).toBeLessThan(rec.stderr.split('\n').length);
    expect(sim.stderr).not.toMatch(/^:: .* ::$/m);
  },
};
const notRoot: Deviation = {
  what: 'not run as root here: bench (and the simulator) only refuse root without frappe_user',
  check: (sim) => expect(sim.exitCode).toBe(0),
};

/** Database names of every site (live or archived) of a case's bench, for cleanup. */
function dbNames(b: CaseBench): string[] {
  const names: string[] = [];
  for (const dir of [b.path('sites'), b.path('archived', 'sites')].filter(existsSync)) {
    for (const d of readdirSync(dir)) {
      const f = join(dir, d, 'site_config.json');
      if (existsSync(f)) names.push(String((JSON.parse(readFileSync(f, 'utf8')) as { db_name?: string }).db_name));
    }
  }
  return names.filter((n) => /^_[0-9a-f]{16}$/.test(n));
}

/** The stdout lines compared: short outputs whole, progress output by its last lines. */
function shown(rec: Recorded, text: string, b: CaseBench | undefined, mode?: StdoutLines): string[] {
  const l = lines(normalise(text, b));
  const m: StdoutLines = mode ?? (lines(rec.stdout).length <= 3 && !/^\[\.\.\./.test(rec.stdout) ? 'all' : 'last3');
  switch (m) {
    case 'all':
      return l;
    case 'last3':
      return l.slice(-3);
    case 'last1':
      return l.slice(-1);
    case 'none':
      return [];
    default:
      return assertNever(m);
  }
}

function assertNever(m: never): never {
  throw new Error(`unknown stdout mode ${String(m)}`);
}

describe('bench-sim against the recorded real bench v15', () => {
  it('has a setup for every recorded case and no other', () => {
    expect(Object.keys(CASES).sort()).toEqual(RECORDED.map((r) => r.case).sort());
  });

  const root = process.getuid?.() === 0;
  it.each(RECORDED.map((r) => [r.case, r] as const))('%s', async (_name, rec) => {
    const setup = CASES[rec.case];
    const deviations = [...(setup.deviations ?? [])];
    if (rec.stderr.includes('Traceback (most recent call last):')) deviations.push(standInFrames);
    if (rec.case === 'root-without-frappe-user' && !root) deviations.push(notRoot);
    const b = new CaseBench();
    try {
      await b.init(setup.apps);
      await setup.before?.(b);
      const argv = fill(rec.argv === 'bench ?' ? ARGV_NOT_RECORDED : rec.argv, setup.site);
      const sim = setup.run ? await setup.run(b, argv) : await b.run(argv);
      if (!deviations.includes(notRoot)) {
        expect({ exitCode: sim.exitCode, lastStderr: normalise(lastLine(sim.stderr), b), stdout: shown(rec, sim.stdout, b, setup.stdout) }).toEqual({
          exitCode: rec.exitCode,
          lastStderr: normalise(lastLine(rec.stderr)),
          stdout: shown(rec, rec.stdout, undefined, setup.stdout),
        });
        // Where the message lives matters: the service reads stdout and stderr apart.
        expect([sim.stdout.trim() === '', sim.stderr.trim() === '']).toEqual([rec.stdout.trim() === '', rec.stderr.trim() === '']);
        await setup.after?.(b, setup.site);
      }
      for (const d of deviations) d.check(sim, rec, b);
    } finally {
      await b.cleanup(dbNames(b));
    }
  });
});
