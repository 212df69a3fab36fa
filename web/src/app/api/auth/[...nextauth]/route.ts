import NextAuth from 'next-auth';
import { authOptions } from '../../../../lib/auth';

export const dynamic = 'force-dynamic';

// Options are built on the first request: they need the runtime environment, not the build's.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: Ctx) => NextAuth(authOptions())(req, ctx);
export { handler as GET, handler as POST };
