/** The polling fallback of the progress page: the tenant's status, for its own signed-in person. */
import { publicStatus } from '../../../../lib/progress-view';
import { getTenant, ProvisioningUnavailable } from '../../../../lib/provisioning';
import { readSession } from '../../../../lib/session';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ tenantId: string }> }): Promise<Response> {
  const { tenantId } = await ctx.params;
  if ((await readSession())?.tenantId !== tenantId) return Response.json({ code: 'AUTH.FORBIDDEN' }, { status: 403 });
  try {
    const r = await getTenant(tenantId);
    if (!r.ok) return Response.json({ code: r.problem.code }, { status: r.problem.status });
    // The API's status view (it carries no secret) without the failure's words, which quote
    // bench: the browser normalises it exactly as it does the SSE snapshot.
    return Response.json(publicStatus(r.body), { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    if (err instanceof ProvisioningUnavailable) return Response.json({ code: err.code, reason: err.reason }, { status: 503 });
    throw err;
  }
}
