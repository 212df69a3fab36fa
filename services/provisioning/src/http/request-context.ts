import type { FastifyRequest } from 'fastify';
import { emailHash, type Actor } from '@tlc/tenant-events';
import type { CommandMetadata } from '../tenants/commands.js';
import { newId } from '../shared/ids.js';

/** The request id is the correlation id (set from X-Request-Id by the adapter's genReqId). */
export const correlationOf = (req: FastifyRequest): string => String(req.id);

const OPERATOR = /^[A-Za-z0-9._@:-]{1,64}$/;

/*
 * No IP address in an actor: the web app passes each visitor's address on (for the rate
 * limits), an address is personal data, and events are kept for good, hash-chained, where
 * crypto-shredding cannot reach metadata. Addresses stay in the request logs, which rotate.
 * (Events recorded before this carry `ip`; the type keeps it optional for them.)
 */

/** An operator acting through the API; X-Operator names them when the caller knows who. */
export function operatorOf(req: FastifyRequest): Actor {
  const name = req.headers['x-operator'];
  return { kind: 'operator', id: typeof name === 'string' && OPERATOR.test(name) ? name : 'api' };
}

/** A person signing up: identified by their email's hash, so metadata carries neither their email nor their IP address. */
export const userOf = (email: string): Actor => ({ kind: 'user', id: `email-sha256:${emailHash(email)}` });

export const commandMetadata = (req: FastifyRequest, actor: Actor): CommandMetadata => ({
  commandId: newId(),
  correlationId: correlationOf(req),
  causationId: correlationOf(req),
  actor,
  now: new Date().toISOString(),
});
