/**
 * Server-Sent Events for the progress page: pipes the provisioning service's stream through
 * (snapshot first, ids = revisions, so the browser's Last-Event-ID resumes it), each message's
 * data without bench's own text (`customerEvent`). A
 * route handler, not a rewrite, because rewrite proxying buffers and would need the API secret
 * in the browser's request. `no-transform` keeps the compression layer from buffering too.
 *
 * Each stream holds a connection here and a connection plus a poller at the API, so a person
 * (and a client address) may have only a few open at once (429 beyond: the page then polls),
 * and both connections close as soon as the browser leaves or the tenant settles.
 */
import { config } from '../../../../../lib/config';
import { customerMessage, TERMINAL } from '../../../../../lib/progress-view';
import { openTenantEvents, ProvisioningUnavailable } from '../../../../../lib/provisioning';
import { readSession, type SessionToken } from '../../../../../lib/session';
import { relaySse } from '../../../../../lib/sse-relay';
import { StreamSlots } from '../../../../../lib/stream-slots';
import { visitorFrom } from '../../../../../lib/visitor';

export const dynamic = 'force-dynamic';

/** One set of counters per process (module copies in Next's chunks would each count alone). */
const SLOTS = Symbol.for('tlc.web.progress-stream-slots');
function slots(): StreamSlots {
  const g = globalThis as Record<symbol, StreamSlots | undefined>;
  return (g[SLOTS] ??= new StreamSlots(config().progressStreams));
}

/** Per person, not per cookie: next-auth re-issues the cookie, the person stays the same. */
const sessionKey = (s: SessionToken, tenantId: string) => `${tenantId}:${s.email ?? s.sub ?? ''}`;

const tooMany = () =>
  Response.json(
    {
      type: 'about:blank',
      title: 'Too many progress streams',
      status: 429,
      code: 'WEB.TOO_MANY_STREAMS',
      detail: 'Close another tab showing this progress, or wait: the page checks every few seconds instead.',
    },
    { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '5', 'cache-control': 'no-store' } },
  );

export async function GET(req: Request, ctx: { params: Promise<{ tenantId: string }> }): Promise<Response> {
  const { tenantId } = await ctx.params;
  const session = await readSession();
  if (!session || session.tenantId !== tenantId) return new Response('forbidden', { status: 403 });
  const release = slots().acquire(sessionKey(session, tenantId), visitorFrom(req.headers) ?? 'unknown');
  if (!release) return tooMany();

  // One way out for every ending: the browser leaving before or after the upstream answered,
  // an error, the relay finishing. The upstream fetch shares this abort.
  const upstreamAbort = new AbortController();
  const end = () => {
    req.signal.removeEventListener('abort', end);
    upstreamAbort.abort();
    release();
  };
  req.signal.addEventListener('abort', end);
  if (req.signal.aborted) end();

  let upstream: Response;
  try {
    upstream = await openTenantEvents(tenantId, req.headers.get('last-event-id'), upstreamAbort.signal);
  } catch (err) {
    end();
    if (err instanceof ProvisioningUnavailable) return new Response('provisioning service unavailable', { status: 503 });
    if (upstreamAbort.signal.aborted) return new Response(null, { status: 499 });
    throw err;
  }
  if (!upstream.ok || !upstream.body) {
    end();
    await upstream.body?.cancel().catch(() => undefined);
    return new Response(null, { status: upstream.status === 404 ? 404 : 502 });
  }
  // Each message without bench's words (reasons, exit codes, stderr): those are for operators.
  const body = relaySse(upstream.body, { settled: (s) => TERMINAL.has(s), redact: (m) => customerMessage(m).data, maxLifeMs: config().progressStreams.maxLifeMs, onEnd: end });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
