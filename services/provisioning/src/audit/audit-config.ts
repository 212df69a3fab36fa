/**
 * Signed checkpoints from the service (issue 19), parsed once with the rest (config.ts calls
 * this) and frozen. Off unless AUDIT_SIGNING_KEY_FILE is set: the private key belongs only to the
 * one process that makes checkpoints (run one instance with it), never to the store's own
 * machine account if that can be avoided; auditors get the public key.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type Env } from '../config/env.js';

export interface AuditCheckpointConfig {
  /** The Ed25519 private key read from AUDIT_SIGNING_KEY_FILE (a KeyObject: never printed). */
  readonly signingKey: KeyObject;
  /** JSONL file each checkpoint is appended to (AUDIT_CHECKPOINT_FILE); ship it off the machine. */
  readonly file: string;
  /** Period between checkpoints (AUDIT_CHECKPOINT_EVERY_MINUTES); the first is made at start-up. */
  readonly everyMs: number;
}

export interface AuditConfig {
  /** Undefined: the service makes no checkpoints (tenantctl audit checkpoint still can). */
  readonly checkpoints?: AuditCheckpointConfig;
}

/** Decimals allowed (0.5 = 30 s), so a test or a busy log can go below a minute; at most a week. */
function minutes(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0.05 || n > 10_080) throw new ConfigError(name, `must be a number of minutes from 0.05 to 10080 (a week), got "${raw}".`);
  return n;
}

function signingKey(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('AUDIT_SIGNING_KEY_FILE', `cannot be read (${path}): ${(err as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError('AUDIT_SIGNING_KEY_FILE', `must hold a PKCS#8 PEM private key (${path} does not).`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError('AUDIT_SIGNING_KEY_FILE', `must hold an Ed25519 key; ${path} holds ${key.asymmetricKeyType}.`);
  return key;
}

export function parseAuditConfig(env: Env): AuditConfig {
  const keyFile = env.AUDIT_SIGNING_KEY_FILE?.trim();
  const everyMinutes = minutes(env, 'AUDIT_CHECKPOINT_EVERY_MINUTES', 60);
  if (!keyFile) return Object.freeze({});
  const file = env.AUDIT_CHECKPOINT_FILE?.trim();
  if (!file) throw new ConfigError('AUDIT_CHECKPOINT_FILE', 'is required when AUDIT_SIGNING_KEY_FILE is set: the JSONL file checkpoints are appended to.');
  return Object.freeze({ checkpoints: Object.freeze({ signingKey: signingKey(keyFile), file, everyMs: Math.round(everyMinutes * 60_000) }) });
}
