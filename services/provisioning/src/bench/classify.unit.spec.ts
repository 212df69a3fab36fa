import { classifyFailure } from './classify.js';
import { redact, redactArgs, tail } from './redact.js';

describe('classifyFailure', () => {
  const c = (output: string, exitCode: number | null = 1, timedOut = false) => classifyFailure({ exitCode, timedOut, output }).classification;
  it('calls lock and database trouble transient', () => {
    expect(c('frappe.exceptions.LockTimeoutError: Failed to aquire lock: bench_new_site. Lock may be held by another process.')).toBe('transient');
    expect(c(`pymysql.err.OperationalError: (2003, "Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)")`)).toBe('transient');
    expect(c('(1213, "Deadlock found when trying to get lock")')).toBe('transient');
  });
  it('calls everything else permanent, and a kill after the deadline a timeout', () => {
    expect(c('Site a.test already exists')).toBe('permanent');
    expect(c('Error: No such option: --x', 2)).toBe('permanent');
    expect(c('', null, true)).toBe('timeout');
  });
  it('a bench whose starter died has an unknown outcome: transient, so the step is redone', () => {
    expect(classifyFailure({ exitCode: null, timedOut: false, output: '', spawnError: 'the spawn host stopped: signal SIGKILL', starterLost: true }))
      .toEqual({ classification: 'transient', reason: "bench's outcome is unknown: the spawn host stopped: signal SIGKILL" });
    expect(classifyFailure({ exitCode: null, timedOut: false, output: '', spawnError: 'spawn ENOENT' }).classification).toBe('permanent');
  });
});

describe('redact', () => {
  it('masks every known secret and any --password value', () => {
    expect(redact('pw is s3cret! and s3cret!', ['s3cret!'])).toBe('pw is *** and ***');
    expect(redact('ran --admin-password hunter2 --db-root-password=x', [])).toBe('ran --admin-password *** --db-root-password=***');
    expect(redactArgs(['new-site', 'a', '--admin-password', 'hunter2'], ['hunter2'])).toEqual(['new-site', 'a', '--admin-password', '***']);
  });
  it('keeps the last lines only', () => {
    expect(tail(Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n'), 3)).toBe('l27\nl28\nl29');
  });
});
