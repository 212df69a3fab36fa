/**
 * B1's correctness probes as table rows: our store on each backend and the peer, the same three
 * races each (peers/probes.ts). A throughput figure means little without these next to it.
 */
import { StreamNotFoundError, WrongExpectedRevisionError, type EventStore } from '@tlc/event-store';
import { figure, type Figure } from '../harness/figure.js';
import { probeEvent, type ProbeResults, type ProbeTarget } from '../peers/probes.js';

export function ourProbeTarget(store: EventStore): ProbeTarget {
  return {
    async append(streamId, expected) {
      try {
        await store.append(streamId, [probeEvent()], expected);
        return 'ok';
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) return 'conflict';
        throw error;
      }
    },
    async eventIds(streamId) {
      try {
        return (await store.readStream(streamId)).map((e) => e.eventId);
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
    },
  };
}

/** Three rows per store: racing writers on one stream, a second "no stream", racing creators. */
export function probeFigures(who: string, r: ProbeResults): Figure[] {
  const w = r.racingWriters;
  return [
    figure({
      bench: 'B1',
      name: `probe ${who}: 8 racing writers, 1 stream`,
      unit: `ids kept of ${w.expected}`,
      runs: [w.kept],
      target: { text: `= ${w.expected}, 0 doubled (${w.doubled})`, check: () => w.kept === w.expected && w.doubled === 0 },
    }),
    figure({
      bench: 'B1',
      name: `probe ${who}: 2nd "no stream" append`,
      unit: '1 = refused',
      runs: [r.secondNoStreamRefused ? 1 : 0],
      target: { text: 'refused', check: () => r.secondNoStreamRefused },
    }),
    figure({
      bench: 'B1',
      name: `probe ${who}: 8 racing creators`,
      unit: `of ${r.racingCreators.streams} streams, 1 winner`,
      runs: [r.racingCreators.oneWinner],
      target: { text: `= ${r.racingCreators.streams}`, check: () => r.racingCreators.oneWinner === r.racingCreators.streams },
    }),
  ];
}
