/**
 * Relays the provisioning API's Server-Sent Events to the browser (unchanged, or each event's
 * data rewritten by `redact`), and ends both
 * sides as soon as there is nothing more to say: the upstream ended, the browser went away
 * (Next cancels the body), the tenant settled (a status the page treats as final; the API ends
 * its stream then too, this does not rely on it), or the stream reached its longest life (the
 * browser's EventSource reconnects with Last-Event-ID, so a stuck tenant never pins a slot and
 * an upstream poller forever). `onEnd` runs exactly once, whichever comes first.
 */

import { streamMessage, type TenantStreamMessage } from '@tlc/api-client';

export interface RelayOptions {
  /** True for a status after which no more progress comes. */
  readonly settled: (status: string) => boolean;
  /**
   * Rewrites each message (typed by the API's document: its event name, id and parsed data)
   * into the data the browser gets (e.g. drops bench's text from failures). With it, only
   * complete events are passed on; without it, the bytes are relayed unchanged as they come.
   */
  readonly redact?: (message: TenantStreamMessage) => unknown;
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
    const data = block
      .split(/\r?\n|\r/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
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

/** One complete SSE event with its JSON data rewritten (comments, ids and names kept). */
export function redactBlock(block: string, redact: (message: TenantStreamMessage) => unknown): string {
  const lines = block.split(/\r?\n|\r/);
  const dataLines = lines.filter((l) => l.startsWith('data:'));
  if (dataLines.length === 0) return block;
  const field = (name: string) =>
    lines
      .find((l) => l.startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .replace(/^ /, '') ?? '';
  let parsed: unknown;
  try {
    parsed = redact(streamMessage(field('event') || 'message', field('id'), dataLines.map((l) => l.slice(5).replace(/^ /, '')).join('\n')));
  } catch {
    return block;
  }
  const others = lines.filter((l) => !l.startsWith('data:'));
  return [...others, `data: ${JSON.stringify(parsed)}`].join('\n');
}

export function relaySse(upstream: ReadableStream<Uint8Array>, opts: RelayOptions): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = '';
  /** With `redact`: the text of the event not yet complete. */
  let partial = '';
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
      // With `redact` a chunk may hold no complete event: read on until something is passed on
      // (a pull that enqueues nothing is not called again).
      for (;;) {
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
          if (partial) controller.enqueue(encoder.encode(partial));
          end();
          controller.close();
          return;
        }
        const text = decoder.decode(chunk.value, { stream: true });
        let passed = true;
        if (opts.redact) {
          const blocks = (partial + text).split(/\r?\n\r?\n|\r\r/);
          partial = blocks.pop() ?? '';
          if (partial.length > MAX_PENDING_CHARS) {
            // Not one of ours: passed on as it is rather than held.
            controller.enqueue(encoder.encode(blocks.map((b) => `${redactBlock(b, opts.redact!)}\n\n`).join('') + partial));
            partial = '';
          } else if (blocks.length > 0) controller.enqueue(encoder.encode(blocks.map((b) => `${redactBlock(b, opts.redact!)}\n\n`).join('')));
          else passed = false;
        } else controller.enqueue(chunk.value);
        const scan = scanEvents(pending + text, opts.settled);
        pending = scan.rest;
        if (scan.settled) {
          end();
          controller.close();
          return;
        }
        if (passed) return;
      }
    },
    cancel() {
      end();
    },
  });
}
