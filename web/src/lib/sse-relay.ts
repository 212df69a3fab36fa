/**
 * Relays the provisioning API's Server-Sent Events to the browser unchanged, and ends both
 * sides as soon as there is nothing more to say: the upstream ended, the browser went away
 * (Next cancels the body), the tenant settled (a status the page treats as final; the API ends
 * its stream then too, this does not rely on it), or the stream reached its longest life (the
 * browser's EventSource reconnects with Last-Event-ID, so a stuck tenant never pins a slot and
 * an upstream poller forever). `onEnd` runs exactly once, whichever comes first.
 */

export interface RelayOptions {
  /** True for a status after which no more progress comes. */
  readonly settled: (status: string) => boolean;
  readonly maxLifeMs: number;
  readonly onEnd: () => void;
}

/** An event larger than this is not one of ours: stop looking into it for a status. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * Splits SSE text into complete events and the unfinished rest, and reports whether any
 * complete event's JSON data names a settled `status`.
 */
export function scanEvents(text: string, settled: (status: string) => boolean): { settled: boolean; rest: string } {
  const blocks = text.split(/\r?\n\r?\n|\r\r/);
  const rest = blocks.pop() ?? '';
  let found = false;
  for (const block of blocks) {
    const data = block.split(/\r?\n|\r/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
    if (!data) continue;
    try {
      const parsed = JSON.parse(data) as { status?: unknown } | null;
      if (parsed && typeof parsed.status === 'string' && settled(parsed.status)) found = true;
    } catch {
      // Not JSON: nothing to learn from it; relayed as it is.
    }
  }
  return { settled: found, rest: rest.length > MAX_PENDING_CHARS ? '' : rest };
}

export function relaySse(upstream: ReadableStream<Uint8Array>, opts: RelayOptions): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    reader.cancel().catch(() => undefined); // closes the connection to the API, which stops its poller
    opts.onEnd();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => {
        if (ended) return;
        end();
        controller.close();
      }, opts.maxLifeMs);
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        if (ended) return;
        end();
        controller.error(err);
        return;
      }
      if (ended) return;
      if (chunk.done) {
        end();
        controller.close();
        return;
      }
      controller.enqueue(chunk.value);
      const scan = scanEvents(pending + decoder.decode(chunk.value, { stream: true }), opts.settled);
      pending = scan.rest;
      if (scan.settled) {
        end();
        controller.close();
      }
    },
    cancel() {
      end();
    },
  });
}
