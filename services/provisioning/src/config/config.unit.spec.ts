import { ConfigError, parseConfig } from './config.js';

const good = { PROVISIONING_API_SECRET: 'a-secret-of-enough-length', SECRETS_KEY: 'ab'.repeat(32) };
const failure = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('parseConfig accepted it');
};

describe('parseConfig', () => {
  it('applies the defaults and freezes the result', () => {
    const c = parseConfig(good);
    expect(c).toMatchObject({ port: 4000, rootDomain: 'example.localhost', apps: ['erpnext'], eventStoreUrl: 'sqlite:./data/events.db', scryptLogN: 15 });
    expect(c.sse.heartbeatMs).toBe(15_000);
    expect(c.secretsKey).toHaveLength(32);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.apps)).toBe(true);
  });
  it('accepts a base64 key and a list of apps', () => {
    const c = parseConfig({ ...good, SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'), PROVISIONING_APPS: 'erpnext, hrms', PROVISIONING_PORT: '4100' });
    expect(c.apps).toEqual(['erpnext', 'hrms']);
    expect(c.port).toBe(4100);
  });
  it.each([
    [{ SECRETS_KEY: good.SECRETS_KEY }, 'PROVISIONING_API_SECRET', /required/],
    [{ PROVISIONING_API_SECRET: good.PROVISIONING_API_SECRET }, 'SECRETS_KEY', /required/],
    [{ ...good, PROVISIONING_API_SECRET: 'short' }, 'PROVISIONING_API_SECRET', /16 characters/],
    [{ ...good, SECRETS_KEY: 'not-a-key' }, 'SECRETS_KEY', /32 random bytes/],
    [{ ...good, PROVISIONING_PORT: 'http' }, 'PROVISIONING_PORT', /whole number/],
    [{ ...good, ROOT_DOMAIN: 'bad domain' }, 'ROOT_DOMAIN', /DNS name/],
    [{ ...good, PROVISIONING_APPS: 'erpnext,rm -rf' }, 'PROVISIONING_APPS', /"rm -rf" is not one/],
    [{ ...good, PROVISIONING_TRUST_PROXY: '$(evil)' }, 'PROVISIONING_TRUST_PROXY', /hop count/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const e = failure(env as Record<string, string>);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.variable).toBe(variable);
    expect(e.message).toMatch(new RegExp(`^${variable} `));
    expect(e.message).toMatch(message);
  });
  it('reads which proxies may name the client', () => {
    expect(parseConfig(good).trustProxy).toBe(false);
    expect(parseConfig({ ...good, PROVISIONING_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ ...good, PROVISIONING_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
  });
  it('never puts a secret value into its message', () => {
    const e = failure({ ...good, SECRETS_KEY: 'zz-my-secret-guess' });
    expect(e.message).not.toContain('zz-my-secret-guess');
  });
});
