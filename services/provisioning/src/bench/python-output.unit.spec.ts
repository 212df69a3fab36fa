/** Exception lines out of real v15 tracebacks (traceback-with-variables), for events and reasons. */
import { eventTail } from './bench-runner.js';
import { exceptionsOf, messageLines } from './python-output.js';
import { transcript } from './test-support/transcripts.js';

describe('python output', () => {
  it('finds the exception lines of a chained traceback, in order', () => {
    const t = transcript('new-site-while-locked').stderr;
    expect(exceptionsOf(t).map((e) => e.type)).toEqual(['filelock._error.Timeout', 'pymysql.err.ProgrammingError']);
    expect(exceptionsOf(transcript('drop-site-missing').stderr).pop()).toEqual({ type: 'frappe.exceptions.IncorrectSitePath', message: '404 Not Found: t1.localhost does not exist' });
    expect(exceptionsOf(transcript('new-site-db-exists').stderr).pop()?.type).toBe('Exception');
  });

  it('keeps no frame, source or variable line of a traceback with variables (they reach the permanent log)', () => {
    for (const name of ['half-site-install-app', 'install-app-erpnext', 'half-site-get-value', 'add-system-manager-again', 'generate-keys-missing-user', 'new-site-while-locked']) {
      const t = transcript(name);
      for (const text of [t.stdout, t.stderr]) {
        const tail = eventTail(text, []);
        expect(tail.split('\n').filter((l) => /^\s/.test(l) || /\bself\b| = |\bpassword = /.test(l))).toEqual([]);
      }
    }
    // The recorded variables of half-site-install-app: the site's db user and a masked password.
    expect(transcript('half-site-install-app').stdout).toMatch(/^\s+password = \*+$/m);
    expect(eventTail(transcript('half-site-install-app').stdout, [])).toBe(`pymysql.err.OperationalError: (1045, "Access denied for user '_2f0045845d92f796'@'127.0.0.1' (using password: YES)")`);
  });

  it('drops a db_password shown as a local variable, and still redacts known secrets in what stays', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "apps/frappe/frappe/installer.py", line 1, in _new_site',
      '    setup_db(site_config)',
      "      db_password = 'c0ffee1234567890'",
      "      root_password = 'R00t!'",
      'frappe.exceptions.ValidationError: bad root R00t!',
    ].join('\n');
    expect(eventTail(text, ['R00t!'])).toBe('frappe.exceptions.ValidationError: bad root ***');
  });

  it("keeps bench's own messages (they are at column 0)", () => {
    expect(messageLines(transcript('new-site-root-no-password').stderr)).toEqual(['Warning: Password input may be echoed.', 'MySQL root password: ', 'Aborted!']);
    expect(messageLines(transcript('add-system-manager-missing-site').stdout)).toEqual(['Site nosuch.localhost does not exist!']);
  });
});
