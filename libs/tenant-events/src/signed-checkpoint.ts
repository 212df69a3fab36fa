/**
 * A signed checkpoint: the log commitment's root and head, signed with an Ed25519 key the store
 * never holds (only the process that makes checkpoints has the private key; auditors hold the
 * public one). Shared by `tenantctl audit checkpoint` and the provisioning service's timer.
 */
import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './hash-chain.js';
import type { LogCommitment, StreamDetail } from './log-commitment.js';

export const CHECKPOINT_FORMAT = 'tlc-checkpoint/1';

export interface CheckpointBody {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly createdAt: string;
  readonly headPosition: number;
  readonly streams: number;
  readonly events: number;
  readonly root: string;
  readonly detailDigest: string;
  readonly keyId: string;
}

export interface SignedCheckpoint {
  readonly body: CheckpointBody;
  /** Ed25519 over canonical JSON of body, base64. */
  readonly signature: string;
  readonly detail: StreamDetail[];
}

/** First 16 hex chars of SHA-256 over the public key's SPKI DER. */
export const keyId = (pub: KeyObject): string => sha256Hex(pub.export({ type: 'spki', format: 'der' }).toString('hex')).slice(0, 16);

/** Detail holds only arrays, strings and integers, for which JSON.stringify is already canonical. */
export const detailDigest = (detail: readonly StreamDetail[]): string => sha256Hex(JSON.stringify(detail));

export const signBody = (body: CheckpointBody, key: KeyObject): string => sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64');

export function makeCheckpoint(c: LogCommitment, privateKey: KeyObject, now = new Date()): SignedCheckpoint {
  const body: CheckpointBody = {
    format: CHECKPOINT_FORMAT,
    createdAt: now.toISOString(),
    headPosition: c.headPosition,
    streams: c.streams,
    events: c.events,
    root: c.root,
    detailDigest: detailDigest(c.detail),
    keyId: keyId(createPublicKey(privateKey)),
  };
  return { body, signature: signBody(body, privateKey), detail: c.detail };
}

/** One line of a checkpoint JSONL file. */
export const checkpointLine = (cp: SignedCheckpoint): string => `${JSON.stringify(cp)}\n`;
