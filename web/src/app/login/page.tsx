import { config } from '../../lib/config';
import { apexRedirect, CONTINUE_PATH } from '../../lib/hosts';
import { readSession } from '../../lib/session';
import { TopBar } from '../components/top-bar';
import { LoginForm, UNVERIFIED_MESSAGE } from './login-form';

export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an account. Check them and try again.',
  EmailUnverified: UNVERIFIED_MESSAGE,
  AccessDenied: 'Google did not confirm your email address, so we cannot sign you in with it.',
  OAuthSignin: 'We could not start the sign-in with Google. Please try again.',
  OAuthCallback: 'The sign-in with Google did not complete. Please try again.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Checked here too, not only in next-auth's redirect callback: next-auth's client falls back
  // to the callbackUrl it was given when the server's answer has no URL.
  const cfg = config();
  const continueUrl = new URL(CONTINUE_PATH, cfg.publicUrl).href;
  const wanted = one(sp.callbackUrl);
  const callbackUrl = wanted === undefined ? continueUrl : apexRedirect(wanted, cfg.publicUrl, cfg.rootDomain, continueUrl);
  const error = one(sp.error);
  const session = await readSession();
  return (
    <>
      <TopBar email={session?.email} />
      <main id="main">
        <div className="card">
          <h1>Sign in</h1>
          <LoginForm
            callbackUrl={callbackUrl}
            google={Boolean(cfg.google)}
            autoGoogle={one(sp.provider) === 'google'}
            email={(one(sp.email) ?? '').slice(0, 254)}
            error={error ? (ERRORS[error] ?? 'Sign-in did not work. Please try again.') : undefined}
          />
        </div>
      </main>
    </>
  );
}
