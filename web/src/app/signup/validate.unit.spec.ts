import { validateSignup } from './validate';

const ok = { organization: 'Acme', subdomain: 'acme', email: 'a@acme.test', password: '0123456789' };

describe('validateSignup', () => {
  it('accepts a complete signup', () => {
    expect(validateSignup(ok, true)).toEqual({});
  });

  it('names each broken rule on its own field', () => {
    const e = validateSignup({ organization: ' ', subdomain: 'a_b', email: 'not-an-email', password: 'short' }, true);
    expect(e.organization).toMatch(/name of your organization/);
    expect(e.subdomain).toMatch(/only use the letters a-z/);
    expect(e.email).toMatch(/does not look like an email/);
    expect(e.password).toMatch(/at least 10 characters/);
  });

  it('uses the shared subdomain rules (reserved, hyphens, length)', () => {
    expect(validateSignup({ ...ok, subdomain: 'admin' }, true).subdomain).toMatch(/reserved/);
    expect(validateSignup({ ...ok, subdomain: '-acme' }, true).subdomain).toMatch(/hyphen/);
    expect(validateSignup({ ...ok, subdomain: 'ab' }, true).subdomain).toMatch(/at least 3/);
  });

  it('asks a Google user only for organization and subdomain', () => {
    expect(validateSignup({ organization: 'Acme', subdomain: 'acme' }, false)).toEqual({});
  });

  it('refuses an organization name over 140 characters', () => {
    expect(validateSignup({ ...ok, organization: 'x'.repeat(141) }, true).organization).toMatch(/at most 140/);
  });
});
