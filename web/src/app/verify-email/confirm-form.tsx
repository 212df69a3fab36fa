'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { confirmAction, type ConfirmState } from './confirm-action';

export function ConfirmForm(props: { token: string }) {
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmAction, { kind: 'idle' });
  if (state.kind === 'confirmed') {
    return (
      <>
        <h1>Email confirmed</h1>
        <p>
          Thank you: <strong>{state.email}</strong> is confirmed. Sign in to follow your site.
        </p>
        <Link className="button" href={state.signInUrl}>
          Sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1>Confirm your email</h1>
      <p>Press the button to confirm that this address is yours and that you signed up.</p>
      {state.kind === 'failed' ? (
        <p className="alert" role="alert">
          {state.message} <Link href="/signup/check-email">Ask for a new link</Link>.
        </p>
      ) : null}
      <form action={action}>
        <input type="hidden" name="token" value={props.token} />
        <button type="submit" disabled={pending}>
          {pending ? 'Confirming…' : 'Confirm my email'}
        </button>
      </form>
      <p className="muted">Did not sign up? Close this page: nobody can sign in with your address unless you confirm it.</p>
    </>
  );
}
