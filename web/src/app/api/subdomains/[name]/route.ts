/**
 * The live availability check behind the signup form: the shared rules first (no round trip
 * for a malformed name), then the provisioning service, whose answer is the real one.
 */
import { checkSubdomain } from '@tlc/tenant-events/subdomain';
import { ProvisioningUnavailable, subdomainAvailability } from '../../../../lib/provisioning';

export const dynamic = 'force-dynamic';

const REASONS: Record<string, string> = {
  taken: 'That subdomain is already taken. Please choose another one.',
  reserved: 'That subdomain is reserved. Please choose another one.',
  invalid: 'That is not a valid subdomain.',
};

export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await ctx.params;
  const local = checkSubdomain(name);
  if (!local.ok) return Response.json({ subdomain: local.subdomain, available: false, reason: local.code, message: local.message });
  try {
    const r = await subdomainAvailability(local.subdomain);
    if (!r.ok) return Response.json({ subdomain: local.subdomain, available: null, message: r.problem.detail }, { status: r.problem.status === 429 ? 429 : 200 });
    const reason = r.body.reason ?? '';
    return Response.json({ ...r.body, message: r.body.available ? undefined : (REASONS[reason] ?? REASONS.invalid) });
  } catch (err) {
    if (err instanceof ProvisioningUnavailable) return Response.json({ subdomain: local.subdomain, available: null }, { status: 503 });
    throw err;
  }
}
