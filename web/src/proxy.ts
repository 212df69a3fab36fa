/**
 * Host routing. The apex serves the public pages; `<label>.ROOT_DOMAIN` is rewritten to
 * `/t/<label>/...`; `www` goes to the apex; any other host is a 404. `/t/...` is refused on the
 * apex so nobody reaches a tenant page under the wrong host. A signed-in person whose token
 * names another tenant gets a 403 here (the tenant layout checks membership again). Internal
 * headers a client sends are dropped before anything downstream can trust them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { classifyHost } from './lib/hosts';
import { config as webConfig } from './lib/config';
import { sessionCookieName, type SessionToken } from './lib/session';

const INTERNAL_HEADER_PREFIX = 'x-tlc-';
const DROPPED = ['x-middleware-subrequest', 'x-forwarded-host'];

function cleanHeaders(req: NextRequest): Headers {
  const h = new Headers(req.headers);
  for (const name of [...h.keys()]) {
    if (name.startsWith(INTERNAL_HEADER_PREFIX) || DROPPED.includes(name)) h.delete(name);
  }
  return h;
}

const notFound = (req: NextRequest, headers: Headers) => NextResponse.rewrite(new URL('/_not-a-route/404', req.url), { request: { headers }, status: 404 });

export async function proxy(req: NextRequest): Promise<NextResponse> {
  const cfg = webConfig();
  const headers = cleanHeaders(req);
  const host = classifyHost(req.headers.get('host'), cfg.rootDomain);
  const path = req.nextUrl.pathname;
  switch (host.kind) {
    case 'apex':
      if (path === '/t' || path.startsWith('/t/') || path === '/forbidden') return notFound(req, headers);
      headers.set('x-tlc-host', 'apex');
      return NextResponse.next({ request: { headers } });
    case 'www': {
      const to = new URL(req.nextUrl.pathname + req.nextUrl.search, cfg.publicUrl);
      return NextResponse.redirect(to, 308);
    }
    case 'tenant': {
      // next-auth's endpoints and the API routes live on the apex only.
      if (path.startsWith('/api/')) return notFound(req, headers);
      headers.set('x-tlc-host', 'tenant');
      headers.set('x-tlc-tenant', host.label);
      const token = (await getToken({ req, secret: cfg.nextAuthSecret, cookieName: sessionCookieName() })) as SessionToken | null;
      if (token && token.subdomain !== host.label) {
        // Not their tenant (or a name that does not exist): the same 403 either way, so a
        // signed-in stranger learns nothing about which names are taken.
        return NextResponse.rewrite(new URL('/forbidden', req.url), { request: { headers }, status: 403 });
      }
      const to = req.nextUrl.clone();
      to.pathname = `/t/${host.label}${path === '/' ? '' : path}`;
      return NextResponse.rewrite(to, { request: { headers } });
    }
    case 'unknown':
      return notFound(req, headers);
    default: {
      const never: never = host;
      throw new Error(`unhandled host ${JSON.stringify(never)}`);
    }
  }
}

export const config = {
  // Static assets need no routing and must load on every host.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
