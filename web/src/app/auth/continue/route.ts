/**
 * Where sign-in ends: routes a signed-in person to their tenant (or its progress page), a
 * Google user without a tenant to onboarding. The token's tenant is refreshed from the lookup
 * here, because onboarding creates the tenant after the sign-in put the token together.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { tenantClaimsFor } from '../../../lib/auth';
import { config, tenantUrl } from '../../../lib/config';
import { personRedirect } from '../../../lib/hosts';
import { tenantById } from '../../../lib/lookup';
import { encodeSession, readSession } from '../../../lib/session';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest): Promise<Response> {
  const cfg = config();
  const at = (path: string) => new URL(path, cfg.publicUrl);
  const session = await readSession();
  if (!session?.email) return NextResponse.redirect(at('/login'), 303);
  const claims = await tenantClaimsFor(session.email);
  const tenantId = claims.tenantId ?? session.tenantId;
  const doc = tenantId ? await tenantById(tenantId) : null;
  let to: URL | string;
  if (!doc) to = at(session.idp === 'google' ? '/onboarding' : '/signup');
  else if (doc.status === 'Active' || doc.status === 'Suspended') {
    // `next` may name the apex or this person's own host; another tenant's host, a name
    // nobody has, or anything off-site lands on their own dashboard instead.
    const wanted = req.nextUrl.searchParams.get('next');
    const home = tenantUrl(doc.subdomain);
    to = wanted ? personRedirect(wanted, cfg.publicUrl, cfg.rootDomain, doc.subdomain, home) : home;
  } else to = at(`/signup/${doc.tenantId}`);
  const res = NextResponse.redirect(to, 303);
  if (doc && (session.tenantId !== doc.tenantId || session.subdomain !== doc.subdomain)) {
    const cookie = await encodeSession({ ...session, tenantId: doc.tenantId, subdomain: doc.subdomain });
    res.cookies.set(cookie.name, cookie.value, cookie.options);
  }
  return res;
}
