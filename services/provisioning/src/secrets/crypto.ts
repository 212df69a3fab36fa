/**
 * The crypto primitives: AES-256-GCM envelopes and scrypt password hashes (PHC strings).
 * Pure functions of their inputs, so the service around them stays small.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SealedSecret } from '@tlc/tenant-events';

const b64u = (b: Buffer): string => b.toString('base64url');
const fromB64u = (s: string): Buffer => Buffer.from(s, 'base64url');

/** Encrypts with a 256-bit key; `aad` binds the ciphertext to its owner (a tenant's secret cannot be moved to another). */
export function encrypt(key: Buffer, plaintext: Buffer, aad: string): { iv: string; tag: string; ciphertext: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64u(iv), tag: b64u(cipher.getAuthTag()), ciphertext: b64u(ciphertext) };
}

export function decrypt(key: Buffer, box: { iv: string; tag: string; ciphertext: string }, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, fromB64u(box.iv));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(fromB64u(box.tag));
  return Buffer.concat([decipher.update(fromB64u(box.ciphertext)), decipher.final()]);
}

/** A wrapped data key as one blob: iv(12) | tag(16) | ciphertext(32). */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, keyId: string): Buffer {
  const box = encrypt(masterKey, dataKey, `wrap:${keyId}`);
  return Buffer.concat([fromB64u(box.iv), fromB64u(box.tag), fromB64u(box.ciphertext)]);
}

export function unwrapKey(masterKey: Buffer, wrapped: Buffer, keyId: string): Buffer {
  const box = { iv: b64u(wrapped.subarray(0, 12)), tag: b64u(wrapped.subarray(12, 28)), ciphertext: b64u(wrapped.subarray(28)) };
  return decrypt(masterKey, box, `wrap:${keyId}`);
}

export function sealWith(dataKey: Buffer, keyId: string, plaintext: string): SealedSecret {
  return { alg: 'A256GCM', keyId, ...encrypt(dataKey, Buffer.from(plaintext, 'utf8'), keyId) };
}

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

const R = 8;
const P = 1;

/** scrypt hash in PHC form: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding). */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** logN;
  const hash = await scryptAsync(password.normalize('NFKC'), salt, 32, { N, r: R, p: P, maxmem: 256 * N * R });
  return `$scrypt$ln=${logN},r=${R},p=${P}$${salt.toString('base64').replace(/=+$/, '')}$${hash.toString('base64').replace(/=+$/, '')}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const m = PHC.exec(phc);
  if (!m) return false;
  const [N, r, p] = [2 ** Number(m[1]), Number(m[2]), Number(m[3])];
  const expected = Buffer.from(m[5], 'base64');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(m[4], 'base64'), expected.length, { N, r, p, maxmem: 256 * N * r });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
