import { randomBytes } from 'node:crypto';
import { decrypt, hashPassword, sealWith, unwrapKey, verifyPassword, wrapKey } from './crypto.js';

describe('AES-256-GCM envelopes', () => {
  const key = randomBytes(32);
  it('seals and opens, with a fresh IV each time', () => {
    const a = sealWith(key, 'tenant-1', 'hunter2-hunter2');
    const b = sealWith(key, 'tenant-1', 'hunter2-hunter2');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toContain('hunter2');
    expect(decrypt(key, a, 'tenant-1').toString()).toBe('hunter2-hunter2');
  });
  it('refuses a tampered ciphertext, another key or another owner', () => {
    const s = sealWith(key, 'tenant-1', 'secret');
    const flipped = Buffer.from(s.ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() => decrypt(key, { ...s, ciphertext: flipped.toString('base64url') }, 'tenant-1')).toThrow();
    expect(() => decrypt(randomBytes(32), s, 'tenant-1')).toThrow();
    expect(() => decrypt(key, s, 'tenant-2')).toThrow();
  });
  it('wraps a data key under the master key', () => {
    const master = randomBytes(32);
    const data = randomBytes(32);
    const wrapped = wrapKey(master, data, 'tenant-1');
    expect(unwrapKey(master, wrapped, 'tenant-1').equals(data)).toBe(true);
    expect(() => unwrapKey(randomBytes(32), wrapped, 'tenant-1')).toThrow();
  });
});

describe('scrypt password hashes', () => {
  it('verifies the right password only, in PHC form', async () => {
    const phc = await hashPassword('correct horse battery', 10);
    expect(phc).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword('correct horse battery', phc)).toBe(true);
    expect(await verifyPassword('correct horse batterY', phc)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});
