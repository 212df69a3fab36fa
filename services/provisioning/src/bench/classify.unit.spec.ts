import { classifyFailure } from './classify.js';
import { redact, redactArgs, tail } from './redact.js';
import { transcript } from './test-support/transcripts.js';

/** A recorded real-bench run, classified as the runner does (stdout, then stderr). */
const c0 = (output: string, exitCode: number | null = 1) => classifyFailure({ exitCode, timedOut: false, output }).classification;
const recorded = (name: string) => {
  const t = transcript(name);
  return classifyFailure({ exitCode: t.exitCode, timedOut: false, output: `${t.stdout}\n${t.stderr}` });
};

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
    expect(classifyFailure({ exitCode: null, timedOut: false, output: '', spawnError: 'the spawn host stopped: signal SIGKILL', starterLost: true })).toEqual({
      classification: 'transient',
      reason: "bench's outcome is unknown: the spawn host stopped: signal SIGKILL",
    });
    expect(classifyFailure({ exitCode: null, timedOut: false, output: '', spawnError: 'spawn ENOENT' }).classification).toBe('permanent');
  });
  it('reads no variable of a traceback: a value there decides nothing', () => {
    expect(c(`Traceback (most recent call last):\n  File "x.py", line 1, in f\n      note = 'Connection refused'\nfrappe.exceptions.ValidationError: no`)).toBe('permanent');
  });
});

describe('classifyFailure on recorded v15 output', () => {
  it('a held new-site lock is transient whatever the last line says (filelock Timeout, then a follow-on error)', () => {
    const t = transcript('new-site-while-locked');
    expect(t.stderr.trim().split('\n').pop()).toBe("pymysql.err.ProgrammingError: ('DocType', 'Webhook')");
    expect(recorded('new-site-while-locked')).toEqual({ classification: 'transient', reason: 'bench failed because a Frappe lock is held by another process' });
    // The other follow-on error the recording names.
    expect(
      c0(
        `filelock._error.Timeout: The file lock '/b/sites/a/locks/bench_new_site.lock' could not be acquired.\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\nfrappe.exceptions.DoesNotExistError: DocType Error Log not found`,
      ),
    ).toBe('transient');
  });

  it('a prompt for the root password (Aborted!) or root without frappe_user is a configuration failure', () => {
    for (const name of ['new-site-root-no-password', 'new-site-empty-root-password', 'half-site-new-site']) {
      expect(recorded(name)).toEqual({ classification: 'configuration', reason: expect.stringContaining('asked for the database root password') });
    }
    expect(recorded('root-without-frappe-user')).toEqual({ classification: 'configuration', reason: expect.stringContaining('frappe_user') });
    expect(c0(`pymysql.err.OperationalError: (1045, "Access denied for user 'root'@'localhost' (using password: YES)")`)).toBe('configuration');
  });

  it("a half site's own login refused (1045) is permanent and says so", () => {
    for (const name of ['half-site-get-value', 'half-site-install-app']) {
      expect(recorded(name)).toEqual({
        classification: 'permanent',
        reason: "bench exited with code 1: the site's database does not accept the site's own login (a half site: new-site did not finish)",
      });
    }
  });

  it('a missing app (ModuleNotFoundError on stdout) is permanent and names the app', () => {
    expect(recorded('install-app-erpnext')).toEqual({ classification: 'permanent', reason: expect.stringContaining('the app erpnext is not in this bench') });
  });

  it('a missing site is permanent, from stdout (execute, add-system-manager, set-config) or the traceback (drop-site, add-domain)', () => {
    for (const name of ['execute-missing-site', 'add-system-manager-missing-site', 'set-config-missing-site']) {
      expect(recorded(name)).toEqual({ classification: 'permanent', reason: 'bench exited with code 1: the site nosuch.localhost does not exist' });
    }
    expect(recorded('drop-site-missing')).toEqual({ classification: 'permanent', reason: 'bench exited with code 1: frappe.exceptions.IncorrectSitePath: 404 Not Found: t1.localhost does not exist' });
    expect(recorded('add-domain-missing-site').reason).toBe("bench exited with code 1: FileNotFoundError: [Errno 2] No such file or directory: './sites/nosuch.localhost/site_config.json'");
  });

  it('the other recorded failures are permanent, with their exception line as the reason', () => {
    expect(recorded('add-system-manager-again').reason).toBe(
      `bench exited with code 1: frappe.exceptions.DuplicateEntryError: ('User', 'ops@example.com', IntegrityError(1062, "Duplicate entry 'ops@example.com' for key 'PRIMARY'"))`,
    );
    expect(recorded('generate-keys-missing-user')).toEqual({ classification: 'permanent', reason: 'bench exited with code 1: frappe.exceptions.DoesNotExistError: User nobody@example.com not found' });
    expect(recorded('new-site-db-exists').reason).toMatch(/^bench exited with code 1: Exception: Database _[0-9a-f]{16} already exists$/);
    expect(recorded('new-site-again')).toEqual({ classification: 'permanent', reason: 'bench exited with code 1: Site t1.localhost already exists' });
    expect(recorded('no-site-given').reason).toBe('bench exited with code 1: Please specify --site sitename');
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
