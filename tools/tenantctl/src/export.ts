/**
 * `tenantctl export <tenant>`: the full history as an auditor receives it. Events are as
 * stored (raw data at their stored schema version, metadata with prevHash and hash), except
 * that secrets, password hashes and a deprovisioned tenant's personal data are replaced by
 * "[redacted]" unless asked for (redact.ts). The chain is verified on the stored events before
 * redaction, and `redaction` lists every replaced field, so nothing is silently missing.
 */
import type { RecordedEvent } from '@tlc/event-store';
import { publicState, stateAsOf } from './history.js';
import { REDACTED, redactEvents, type RedactedField, type RedactionOptions } from './redact.js';
import { verifyStreams } from './verify.js';

function redactionNote(fields: readonly RedactedField[], opts: RedactionOptions, personalDataApplies: boolean) {
  const redactedRevisions = [...new Set(fields.map((f) => f.revision))];
  return {
    applied: fields.length > 0,
    placeholder: REDACTED,
    secretsIncluded: opts.includeSecrets,
    personalDataIncluded: personalDataApplies ? opts.includePersonalData : 'not applicable (tenant not deprovisioned)',
    note:
      fields.length === 0
        ? 'Nothing was redacted: every event is exactly as stored, and every hash can be recomputed from this file.'
        : `Replaced by "${REDACTED}" in this output only; the store is unchanged. hashChain was checked on the stored events before redaction. ` +
          `Events ${redactedRevisions.join(', ')} cannot be re-hashed from this file (their prevHash/hash links can still be followed); ` +
          'every other event can. Ask for --include-secrets / --include-personal-data to receive the stored form.',
    fields,
  };
}

const REDACT_ALL: RedactionOptions = { includeSecrets: false, includePersonalData: false };

export function buildExport(tenantId: string, stream: string, events: readonly RecordedEvent[], source: string, now = new Date(), opts = REDACT_ALL) {
  const verification = verifyStreams(new Map([[stream, events]]));
  const out = redactEvents(events, opts);
  const state = publicState(stateAsOf(out.events, undefined).state);
  return {
    format: 'tlc-tenant-export/1',
    exportedAt: now.toISOString(),
    source,
    tenantId,
    stream,
    hashChain: {
      algorithm: 'sha256 over canonical JSON of { type, data, metadata without hash }; metadata.prevHash links to the previous event (64 zeros for the first)',
      ok: verification.ok,
      problems: verification.problems,
    },
    redaction: redactionNote(out.fields, opts, out.personalDataApplies),
    events: out.events.map((e) => ({
      position: e.position,
      revision: e.revision,
      recordedAt: e.recordedAt,
      eventId: e.eventId,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
    })),
    stateNow: state,
  };
}
