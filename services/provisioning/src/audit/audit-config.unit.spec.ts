import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuditConfig } from './audit-config.js';

describe('parseAuditConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-config-'));
  const ed = join(dir, 'ed.key');
  const rsa = join(dir, 'rsa.key');
  writeFileSync(ed, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is off without AUDIT_SIGNING_KEY_FILE', () => {
    expect(parseAuditConfig({})).toEqual({});
  });

  it('reads the Ed25519 key, the file and the period (default 60 minutes)', () => {
    const c = parseAuditConfig({ AUDIT_SIGNING_KEY_FILE: ed, AUDIT_CHECKPOINT_FILE: '/var/audit/cp.jsonl' }).checkpoints!;
    expect(c.signingKey.asymmetricKeyType).toBe('ed25519');
    expect(c).toMatchObject({ file: '/var/audit/cp.jsonl', everyMs: 3_600_000 });
    expect(parseAuditConfig({ AUDIT_SIGNING_KEY_FILE: ed, AUDIT_CHECKPOINT_FILE: 'x', AUDIT_CHECKPOINT_EVERY_MINUTES: '0.5' }).checkpoints!.everyMs).toBe(30_000);
  });

  it.each([
    [{ AUDIT_SIGNING_KEY_FILE: ed }, /^AUDIT_CHECKPOINT_FILE is required/],
    [{ AUDIT_SIGNING_KEY_FILE: join(dir, 'missing.key'), AUDIT_CHECKPOINT_FILE: 'x' }, /^AUDIT_SIGNING_KEY_FILE cannot be read .*ENOENT/],
    [{ AUDIT_SIGNING_KEY_FILE: rsa, AUDIT_CHECKPOINT_FILE: 'x' }, /^AUDIT_SIGNING_KEY_FILE must hold an Ed25519 key/],
    [{ AUDIT_SIGNING_KEY_FILE: join(dir, '..'), AUDIT_CHECKPOINT_FILE: 'x' }, /^AUDIT_SIGNING_KEY_FILE cannot be read/],
    [{ AUDIT_CHECKPOINT_EVERY_MINUTES: '0' }, /^AUDIT_CHECKPOINT_EVERY_MINUTES must be a number of minutes/],
    [{ AUDIT_CHECKPOINT_EVERY_MINUTES: 'hourly' }, /^AUDIT_CHECKPOINT_EVERY_MINUTES must be a number of minutes/],
  ])('stops start-up naming the variable: %j', (env, message) => {
    expect(() => parseAuditConfig(env)).toThrow(message);
  });

  it('does not put key material in its error', () => {
    const notKey = join(dir, 'not.key');
    writeFileSync(notKey, 'secret-looking-text');
    expect(() => parseAuditConfig({ AUDIT_SIGNING_KEY_FILE: notKey, AUDIT_CHECKPOINT_FILE: 'x' })).toThrow(/must hold a PKCS#8 PEM private key/);
    try {
      parseAuditConfig({ AUDIT_SIGNING_KEY_FILE: notKey, AUDIT_CHECKPOINT_FILE: 'x' });
    } catch (e) {
      expect(String(e)).not.toContain('secret-looking-text');
    }
  });
});
