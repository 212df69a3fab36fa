/**
 * Redaction of what tenantctl prints (finding 9 of the 2026-12 attack run): an export is a file
 * that travels (to an auditor, a ticket, a laptop), so by default it carries no secret material
 * and, once a tenant is deprovisioned, none of its person's data. This is an output transform:
 * the store is never touched, the hash chain is checked on the stored events before anything is
 * redacted, and every replaced value is listed so the reader knows exactly what is missing.
 */
import type { RecordedEvent } from '@tlc/event-store';

export const REDACTED = '[redacted]';

export type RedactionKind = 'sealed-secret' | 'password-hash' | 'secret' | 'personal-data';

export interface RedactedField {
  readonly revision: number;
  readonly type: string;
  /** Dotted path inside the exported event, e.g. `data.adminPasswordHash`. */
  readonly path: string;
  readonly kind: RedactionKind;
}

export interface RedactionOptions {
  /** Keep sealed secrets, password hashes and other secret-named fields (`--include-secrets`). */
  readonly includeSecrets: boolean;
  /** Keep a deprovisioned tenant's personal data (`--include-personal-data`). */
  readonly includePersonalData: boolean;
}

/** Field names that hold secret material whatever their shape (adminPasswordHash, apiSecret, ...). */
const SECRET_KEY = /password|secret|token|credential|private/i;
/** Field names that hold a person's contact data (adminEmail, email, emailHash: a hash of an email is still linkable). */
const PERSONAL_KEY = /e-?mail/i;

const isSealed = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { ciphertext?: unknown }).ciphertext === 'string' && typeof (v as { alg?: unknown }).alg === 'string';

/** A tenant whose history ends in deprovisioning: its person's data is no longer ours to hand out. */
export const isDeprovisioned = (events: readonly RecordedEvent[]): boolean => events.some((e) => e.type === 'TenantDeprovisioned');

type Found = (path: string, kind: RedactionKind) => void;

function walk(value: unknown, path: string, opts: RedactionOptions & { personal: boolean }, found: Found): unknown {
  if (isSealed(value)) {
    if (opts.includeSecrets) return value;
    found(path, 'sealed-secret');
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`, opts, found));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (v !== null && v !== undefined && !isSealed(v) && SECRET_KEY.test(key) && !opts.includeSecrets) {
      found(at, /hash/i.test(key) ? 'password-hash' : 'secret');
      out[key] = REDACTED;
    } else if (typeof v === 'string' && PERSONAL_KEY.test(key) && opts.personal) {
      found(at, 'personal-data');
      out[key] = REDACTED;
    } else {
      out[key] = walk(v, at, opts, found);
    }
  }
  return out;
}

/**
 * A person acting on their own tenant is named in the actor (an email, or in current events its
 * sha256) and, in events of older versions, by IP address. Operators and the system are not
 * tenant personal data and stay visible.
 */
function redactActor(metadata: Record<string, unknown>, found: Found): Record<string, unknown> {
  const actor = metadata.actor as { kind?: string; id?: string; ip?: string } | undefined;
  if (!actor || actor.kind !== 'user') return metadata;
  const next: Record<string, unknown> = { ...actor };
  for (const key of ['id', 'ip'] as const) {
    if (actor[key] === undefined) continue;
    found(`metadata.actor.${key}`, 'personal-data');
    next[key] = REDACTED;
  }
  return { ...metadata, actor: next };
}

export interface RedactedEvents {
  readonly events: RecordedEvent[];
  readonly fields: RedactedField[];
  readonly personalDataApplies: boolean;
}

/** Returns copies of the events with secrets (and, for a deprovisioned tenant, personal data) replaced. */
export function redactEvents(events: readonly RecordedEvent[], opts: RedactionOptions): RedactedEvents {
  const personal = isDeprovisioned(events) && !opts.includePersonalData;
  const fields: RedactedField[] = [];
  const redacted = events.map((e) => {
    const found: Found = (path, kind) => fields.push({ revision: e.revision, type: e.type, path, kind });
    const data = walk(e.data, 'data', { ...opts, personal }, found);
    const metadata = personal ? redactActor(e.metadata as Record<string, unknown>, found) : e.metadata;
    return { ...e, data, metadata } as RecordedEvent;
  });
  return { events: redacted, fields, personalDataApplies: isDeprovisioned(events) };
}

/** Stderr lines for the opt-in flags: loud, because what follows on stdout must be handled as a secret. */
export function optInWarnings(opts: RedactionOptions): string[] {
  const lines: string[] = [];
  if (opts.includeSecrets) {
    lines.push(
      'tenantctl: WARNING: --include-secrets: this output contains sealed secrets and password hashes (scrypt).',
      'tenantctl: WARNING: treat it like a password file: do not paste, mail or commit it; delete it when done.',
    );
  }
  if (opts.includePersonalData) {
    lines.push(
      'tenantctl: WARNING: --include-personal-data: this output contains the personal data of deprovisioned tenants.',
      'tenantctl: WARNING: hand it out only under a lawful request, and record who received it.',
    );
  }
  return lines;
}
