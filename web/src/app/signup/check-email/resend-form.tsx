'use client';
import { useActionState } from 'react';
import { resendAction, type ResendState } from './resend-action';

export function ResendForm(props: { email: string }) {
  const [state, action, pending] = useActionState<ResendState, FormData>(resendAction, { email: props.email });
  return (
    <form action={action}>
      <div aria-live="polite">
        {state.message ? (
          <p className={state.error ? 'alert' : 'notice'} role="status">
            {state.message}
          </p>
        ) : null}
      </div>
      <label htmlFor="resend-email">Email</label>
      <input id="resend-email" name="email" type="email" autoComplete="email" defaultValue={state.email} required maxLength={254} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? 'Sending…' : 'Send the link again'}
      </button>
    </form>
  );
}
