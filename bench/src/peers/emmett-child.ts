/**
 * Child process for the Emmett peer (see emmett-postgres.ts for why it is a separate process).
 * argv[2] is a JSON request; one JSON line on stdout is the answer. The fixture is generated
 * here with the same generator and size as the parent's, before any timing.
 */
import { tenantHistories } from '../fixtures/tenant-histories.js';
import { emmettAppend, emmettProbeTarget, emmettReadBack, openEmmett } from './emmett-postgres.js';
import { runProbes } from './probes.js';

export type EmmettRequest =
  | { readonly kind: 'b1'; readonly url: string; readonly streams: number; readonly writers: number }
  | { readonly kind: 'probes'; readonly url: string; readonly noStream: 'STREAM_DOES_NOT_EXIST' | '0n' };

export interface EmmettB1Answer {
  readonly appendMs: number;
  readonly readMs: number;
  readonly events: number;
  readonly eventsRead: number;
}

async function main(request: EmmettRequest): Promise<unknown> {
  const store = await openEmmett(request.url);
  try {
    if (request.kind === 'probes') return await runProbes(emmettProbeTarget(store, request.noStream));
    const streams = tenantHistories(request.streams);
    const appendMs = await emmettAppend(store, streams, request.writers);
    const read = await emmettReadBack(store, streams, request.writers);
    const answer: EmmettB1Answer = {
      appendMs,
      readMs: read.ms,
      events: streams.reduce((n, s) => n + s.events.length, 0),
      eventsRead: read.events,
    };
    return answer;
  } finally {
    await store.close();
  }
}

main(JSON.parse(process.argv[2]) as EmmettRequest).then(
  (answer) => {
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    process.exit(0);
  },
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
