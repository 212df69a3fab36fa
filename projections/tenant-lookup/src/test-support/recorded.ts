import type { RecordedEvent } from '@tlc/event-store';
import type { SampleHistory } from '../sample-histories.js';

/** Lays histories out as a log, interleaving `chunk` events per tenant per round. */
export function asLog(histories: readonly SampleHistory[], chunk = 3): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const next = histories.map(() => 0);
  let position = 1;
  while (histories.some((h, k) => next[k] < h.events.length)) {
    histories.forEach((h, k) => {
      for (let n = 0; n < chunk && next[k] < h.events.length; n++, next[k]++) {
        const e = h.events[next[k]];
        out.push({
          streamId: h.stream,
          eventId: e.metadata.eventId,
          type: e.type,
          data: e.data,
          metadata: { ...e.metadata },
          revision: next[k],
          position: position++,
          recordedAt: e.metadata.occurredAt,
        });
      }
    });
  }
  return out;
}
