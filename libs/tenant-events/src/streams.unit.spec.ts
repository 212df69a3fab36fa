import { createHash } from 'node:crypto';
import { TENANT_STREAM_PREFIX, adminEmailStream, emailHash, normalizeEmail, subdomainStream, tenantIdFromStream, tenantStream } from './streams.js';

describe('stream names', () => {
  it('names tenant and subdomain streams', () => {
    expect(tenantStream('0f6c')).toBe('tenant-0f6c');
    expect(subdomainStream('acme')).toBe('subdomain-acme');
    expect(TENANT_STREAM_PREFIX).toBe('tenant-');
  });

  it('reads the tenant id back from a tenant stream only', () => {
    expect(tenantIdFromStream(tenantStream('abc-123'))).toBe('abc-123');
    expect(tenantIdFromStream('subdomain-acme')).toBeUndefined();
    expect(tenantIdFromStream('admin-email-x')).toBeUndefined();
  });

  it('hashes the admin email with sha256 so no address shows in the stream name', () => {
    const email = 'owner@acme.test';
    const hex = createHash('sha256').update(email).digest('hex');
    expect(emailHash(email)).toBe(hex);
    expect(adminEmailStream(email)).toBe(`admin-email-${hex}`);
    expect(adminEmailStream(email)).not.toContain('acme');
    expect(adminEmailStream(email)).toMatch(/^admin-email-[0-9a-f]{64}$/);
  });

  it('is stable and case-insensitive once the email goes through normalizeEmail', () => {
    const variants = ['Owner@Acme.TEST', '  owner@acme.test', 'OWNER@ACME.TEST\n'];
    const names = new Set(variants.map((v) => adminEmailStream(normalizeEmail(v))));
    expect(names).toEqual(new Set([adminEmailStream('owner@acme.test')]));
    expect(emailHash(normalizeEmail('a@b.c'))).toBe(emailHash(normalizeEmail('a@b.c')));
    expect(adminEmailStream(normalizeEmail('other@acme.test'))).not.toBe(adminEmailStream('owner@acme.test'));
  });

  it('normalizeEmail only trims and lowercases', () => {
    expect(normalizeEmail('  Jane.Doe+ERP@Example.COM ')).toBe('jane.doe+erp@example.com');
    expect(normalizeEmail('ÉLISE@Exemple.fr')).toBe('élise@exemple.fr');
  });
});
