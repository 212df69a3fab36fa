'use client';
import { signIn } from 'next-auth/react';
import { useEffect, useState, type FormEvent } from 'react';

export const UNVERIFIED_MESSAGE = 'Confirm your email address first: open the link we sent to it. No message? Send it again from the "check your email" page.';

/** Email sign-in (checked by the provisioning service) and "Continue with Google". */
export function LoginForm(props: { callbackUrl: string; google: boolean; autoGoogle: boolean; error?: string; email?: string }) {
  const [error, setError] = useState(props.error);
  const [pending, setPending] = useState(false);
  // The answer was about what was typed then; once either field changes it no longer applies.
  const clearError = () => setError(undefined);

  useEffect(() => {
    if (props.autoGoogle && props.google) void signIn('google', { callbackUrl: props.callbackUrl });
  }, [props.autoGoogle, props.google, props.callbackUrl]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn('credentials', { email: String(fd.get('email') ?? ''), password: String(fd.get('password') ?? ''), callbackUrl: props.callbackUrl, redirect: false });
    if (!res || res.error || !res.url) {
      setPending(false);
      // next-auth passes the message authorize() threw as `error` (auth.ts: EmailUnverified).
      setError(
        res?.error === 'EmailUnverified'
          ? UNVERIFIED_MESSAGE
          : res?.error === 'CredentialsSignin' || !res?.error
            ? 'That email and password do not match an account. Check them and try again.'
            : 'We could not check your password right now. Please try again in a moment.',
      );
      return;
    }
    // next-auth's redirect callback already limited this URL to the apex or a tenant host.
    window.location.assign(res.url);
  }

  return (
    <>
      <noscript>
        <p className="notice">Signing in needs JavaScript in this browser. (Creating a site does not.)</p>
      </noscript>
      {/* method=post: without JavaScript a GET would put the password into the address bar and logs. */}
      <form method="post" onSubmit={onSubmit} aria-describedby={error ? 'login-error' : undefined}>
        <div aria-live="assertive">
          {error ? (
            <p className="alert" id="login-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={props.email} required onChange={clearError} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required onChange={clearError} />
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {props.google ? (
        <>
          <p className="or">or</p>
          <button type="button" className="secondary" onClick={() => void signIn('google', { callbackUrl: props.callbackUrl })}>
            Continue with Google
          </button>
        </>
      ) : null}
    </>
  );
}
