/** BenchOperations on recorded real v15 output (fixtures/frappe-v15): what the service makes of it. */
import { BenchOperations } from './bench-operations.js';
import { recordedRunner } from './test-support/recorded-runner.js';

const ops = (...cases: string[]) => new BenchOperations(recordedRunner(...cases).runner);

describe('BenchOperations on recorded v15 output', () => {
  it('stores the API key without the JSON quotes v15 prints', async () => {
    const r = await ops('generate-keys', 'get-api-key').generateApiKeys('t1.localhost', 'Administrator', 5000);
    expect(r.ok && r.value).toEqual({ apiKey: '1165a7f1ab0e9ce', apiSecret: 'f70c3fbe28def1d' });
    const rotated = await ops('generate-keys-again').issueApiKeys('t1.localhost', 'Administrator', '1165a7f1ab0e9ce', 5000);
    expect(rotated.ok && rotated.value).toEqual({ apiKey: '1165a7f1ab0e9ce', apiSecret: 'cba329fb663ba94' });
    // The secret never stays in what a caller may log.
    expect(JSON.stringify(rotated.result)).not.toContain('cba329fb663ba94');
    const key = await ops('get-api-key-again').readApiKey('t1.localhost', 'Administrator', 5000);
    expect(key.ok && key.value).toBe('1165a7f1ab0e9ce');
  });

  it('tells an existing user from a missing one (None prints nothing)', async () => {
    expect(await ops('user-exists-before').userExists('t1.localhost', 'ops@example.com', 5000)).toMatchObject({ ok: true, value: false });
    expect(await ops('user-exists-after').userExists('t1.localhost', 'ops@example.com', 5000)).toMatchObject({ ok: true, value: true });
  });

  it('counts add-system-manager of a user already there (DuplicateEntryError) as done, for a redo', async () => {
    // set_user_password's recorded run: set-admin-password (set-password is the same function for another user).
    expect(await ops('add-system-manager', 'set-admin-password').addSystemManager('t1.localhost', 'ops@example.com', 'pw', 5000)).toMatchObject({ ok: true, value: { existed: false } });
    expect(await ops('add-system-manager-again', 'set-admin-password').addSystemManager('t1.localhost', 'ops@example.com', 'pw', 5000)).toMatchObject({ ok: true, value: { existed: true } });
    // Somebody else's duplicate is still a failure, and no password is sent anywhere.
    const other = recordedRunner('add-system-manager-again');
    expect(await new BenchOperations(other.runner).addSystemManager('t1.localhost', 'other@example.com', 'pw', 5000)).toMatchObject({ ok: false });
    expect(other.calls).toHaveLength(1);
  });

  it('puts no password on any command line: the admin passwords go to getpass on stdin, the root password stays in common_site_config.json', async () => {
    const r = recordedRunner('new-site', 'add-system-manager', 'set-admin-password', 'drop-site');
    const o = new BenchOperations(r.runner);
    expect((await o.newSite({ site: 't1.localhost', adminPassword: 'Adm1n-secret', root: { username: 'dbadmin' }, force: false }, 5000)).ok).toBe(true);
    expect((await o.addSystemManager('t1.localhost', 'ops@example.com', 'Us3r-secret', 5000)).ok).toBe(true);
    expect((await o.dropSite('t1.localhost', { username: 'dbadmin' }, 5000)).ok).toBe(true);
    expect(r.calls).toEqual([
      ['new-site', 't1.localhost', '--db-root-username', 'dbadmin', '--mariadb-user-host-login-scope=%'],
      ['--site', 't1.localhost', 'add-system-manager', 'ops@example.com'],
      ['--site', 't1.localhost', 'set-password', 'ops@example.com'],
      ['drop-site', 't1.localhost', '--no-backup', '--force', '--db-root-username', 'dbadmin'],
    ]);
    // get_admin_password asks twice; set_user_password once.
    expect(r.inputs).toEqual(['Adm1n-secret\nAdm1n-secret\n', '', 'Us3r-secret\n', '']);
  });

  it('counts drop-site of a site already gone as done, and reports where a drop archived to', async () => {
    expect((await ops('drop-site-missing').dropSite('t1.localhost', { username: 'root' }, 5000)).ok).toBe(true);
    expect((await ops('drop-site-missing').dropSite('t9.localhost', { username: 'root' }, 5000)).ok).toBe(false);
    expect(await ops('drop-site').dropSite('t1.localhost', { username: 'root' }, 5000)).toMatchObject({ ok: true, value: { archivedTo: '<bench>/archived/sites' } });
  });

  it('takes "App frappe already installed" and "Domain ... already exists" (exit 0) as success', async () => {
    expect((await ops('install-app-frappe').installApp('t1.localhost', 'frappe', 5000)).ok).toBe(true);
    expect((await ops('add-domain-again').addDomain('t1.localhost', 'acme.example.com', 5000)).ok).toBe(true);
    expect((await ops('set-config').setHostName('t1.localhost', 'https://t1.localhost', 5000)).ok).toBe(true);
  });

  it('fails a missing app for good, naming it, with only exception lines in the tails', async () => {
    const r = await ops('install-app-erpnext').installApp('t1.localhost', 'erpnext', 5000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.result.classification).toBe('permanent');
    expect(r.result.reason).toContain('the app erpnext is not in this bench');
    expect(r.result.stdoutTail.split('\n').pop()).toBe("builtins.ModuleNotFoundError: No module named 'erpnext'");
    expect(r.result.stdoutTail).not.toMatch(/^\s/m);
  });

  it('retries a held new-site lock, and waits for an operator when bench prompts for the root password', async () => {
    const locked = await ops('new-site-while-locked').newSite({ site: 't5.localhost', adminPassword: 'pw', root: { username: 'root' }, force: true }, 5000);
    expect(locked.ok || locked.result.classification).toBe('transient');
    const prompt = await ops('new-site-root-no-password').newSite({ site: 't0.localhost', adminPassword: 'pw', root: { username: 'root' }, force: false }, 5000);
    expect(prompt.ok || [prompt.result.classification, prompt.result.stderrTail]).toEqual(['configuration', 'Warning: Password input may be echoed.\nMySQL root password: \nAborted!']);
  });
});
