import Link from 'next/link';
import { TopBar } from '../components/top-bar';
import { ConfirmForm } from './confirm-form';

export const dynamic = 'force-dynamic';

/**
 * The link in the confirmation email lands here. Opening it confirms nothing by itself: mail
 * scanners and link previews open links too, and one of those confirming an address for a
 * signup its owner never made would hand that signup to whoever chose its password. The person
 * presses the button (a POST); that is the proof.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const raw = Array.isArray(sp.token) ? sp.token[0] : sp.token;
  const token = typeof raw === 'string' && /^[A-Za-z0-9._-]{1,200}$/.test(raw) ? raw : '';
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          {token ? (
            <ConfirmForm token={token} />
          ) : (
            <>
              <h1>This link is incomplete</h1>
              <p>
                Open the link from the email again, or <Link href="/signup/check-email">ask for a new one</Link>.
              </p>
            </>
          )}
        </div>
      </main>
    </>
  );
}
