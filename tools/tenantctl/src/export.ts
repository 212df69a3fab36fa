/**
 * `tenantctl export <tenant>`: the full history as an auditor receives it. Events are exactly
 * as stored (raw data at their stored schema version, metadata with prevHash and hash), so
 * the auditor can recompute the chain independently; the folded state is added for reading.
 */
import type { RecordedEvent } from '@tlc/event-store';
import { publicState, stateAsOf } from './history.js';
import { verifyStreams } from './verify.js';

export function buildExport(tenantId: string, stream: string, events: readonly RecordedEvent[], source: string, now = new Date()) {
  const verification = verifyStreams(new Map([[stream, events]]));
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
    events: events.map((e) => ({
      position: e.position, revision: e.revision, recordedAt: e.recordedAt, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata,
    })),
    stateNow: publicState(stateAsOf(events, undefined).state),
  };
}
