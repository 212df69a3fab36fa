import Link from 'next/link';
import { TopBar } from '../../components/top-bar';
import { ResendForm } from './resend-form';

export const dynamic = 'force-dynamic';

/**
 * After a password signup, whatever happened: a new site is being built, or the address already
 * had one (its owner got a note). The page is the same in both cases, so it tells nobody which
 * addresses have sites; the mailbox tells the owner.
 */
export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const raw = Array.isArray(sp.email) ? sp.email[0] : sp.email;
  const email = typeof raw === 'string' && raw.length <= 254 ? raw : '';
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          <h1>Check your email</h1>
          <p>We sent a message to {email ? <strong>{email}</strong> : 'your address'}. Open the link in it to confirm the address; then you can sign in.</p>
          <p>If you just signed up, we are building your site meanwhile, so it may well be ready when you sign in.</p>
          <p className="muted">No message after a few minutes? Look in your spam folder, or send it again.</p>
          <ResendForm email={email} />
          <p className="muted">
            Already confirmed? <Link href="/login">Sign in</Link>.
          </p>
        </div>
      </main>
    </>
  );
}
