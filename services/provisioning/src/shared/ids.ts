import { createHash, randomUUID } from 'node:crypto';

/** Namespace for ids derived from command ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('4b1e2a1c93d04f0e8a53b1f0c3e2d7a6', 'hex');

/** RFC 4122 version-5 UUID: the same name always yields the same id. */
export function uuidV5(name: string, namespace: Buffer = NAMESPACE): string {
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Event id n of a command: a retried command appends the same ids, which the store ignores. */
export const eventIdFor = (commandId: string, index: number, scope = ''): string => uuidV5(`${commandId}/${scope}/${index}`);

export const newId = (): string => randomUUID();

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** A client's X-Request-Id becomes the correlation id only when it is a sane token. */
export const correlationIdFrom = (header: unknown): string => (typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID());
