/**
 * Server-Sent Events for the progress page: pipes the provisioning service's stream through
 * unchanged (snapshot first, ids = revisions, so the browser's Last-Event-ID resumes it). A
 * route handler, not a rewrite, because rewrite proxying buffers and would need the API secret
 * in the browser's request. `no-transform` keeps the compression layer from buffering too.
 */
import { openTenantEvents, ProvisioningUnavailable } from '../../../../../lib/provisioning';
import { readSession } from '../../../../../lib/session';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, ctx: { params: Promise<{ tenantId: string }> }): Promise<Response> {
  const { tenantId } = await ctx.params;
  if ((await readSession())?.tenantId !== tenantId) return new Response('forbidden', { status: 403 });
  let upstream: Response;
  try {
    upstream = await openTenantEvents(tenantId, req.headers.get('last-event-id'), req.signal);
  } catch (err) {
    if (err instanceof ProvisioningUnavailable) return new Response('provisioning service unavailable', { status: 503 });
    throw err;
  }
  if (!upstream.ok || !upstream.body) return new Response(null, { status: upstream.status === 404 ? 404 : 502 });
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
