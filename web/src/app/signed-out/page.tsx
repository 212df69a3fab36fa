import { readSession } from '../../lib/session';
import { TopBar } from '../components/top-bar';
import { SignOutButton } from './sign-out-button';

export const dynamic = 'force-dynamic';

/**
 * Sign-out, in our own page (next-auth's `pages.signOut`): "Sign out" in the top bar lands here,
 * the button ends the session (next-auth's POST with its CSRF token) and comes back here, which
 * then says so. A page that only reads the session changes nothing on a GET.
 */
export default async function SignedOutPage() {
  const session = await readSession();
  return (
    <>
      <TopBar email={session?.email} />
      <main id="main">
        <div className="card" data-testid={session ? 'sign-out' : 'signed-out'}>
          {session ? (
            <>
              <h1>Sign out</h1>
              <p>
                You are signed in as <strong>{session.email}</strong>. Signing out ends this session on this browser, on every site of ours.
              </p>
              <SignOutButton />
            </>
          ) : (
            <>
              <h1>You are signed out</h1>
              <p>Nothing of your site is open in this browser any more. Your site keeps running.</p>
              <p>
                <a className="button" href="/login">
                  Sign in again
                </a>{' '}
                <a href="/" style={{ marginLeft: '1rem' }}>
                  Back to the start page
                </a>
              </p>
            </>
          )}
        </div>
      </main>
    </>
  );
}
