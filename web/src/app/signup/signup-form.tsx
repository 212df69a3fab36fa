'use client';
/**
 * The signup form (also the Google onboarding form, without email and password). A plain
 * <form> bound to a server action, so it works without JavaScript; with JavaScript it adds the
 * live subdomain check and disables "Create" while the request is in flight.
 */
import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { checkSubdomain } from '@tlc/tenant-events/subdomain';
import type { FormState } from './form-state';

type Availability = { state: 'idle' } | { state: 'checking' } | { state: 'ok'; message: string } | { state: 'bad'; message: string };

function CreateButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Creating…' : 'Create'}
    </button>
  );
}

function useAvailability(subdomain: string, rootDomain: string, touched: boolean): Availability {
  const [result, setResult] = useState<Availability>({ state: 'idle' });
  useEffect(() => {
    if (!touched) return;
    const local = checkSubdomain(subdomain);
    if (!local.ok) {
      setResult({ state: 'bad', message: local.message });
      return;
    }
    setResult({ state: 'checking' });
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/subdomains/${encodeURIComponent(local.subdomain)}`, { signal: abort.signal });
        const body = (await res.json()) as { available?: boolean; message?: string };
        if (body.available) setResult({ state: 'ok', message: `${local.subdomain}.${rootDomain} is available.` });
        else if (body.available === false) setResult({ state: 'bad', message: body.message ?? 'That subdomain is not available.' });
        else setResult({ state: 'idle' });
      } catch {
        if (!abort.signal.aborted) setResult({ state: 'idle' });
      }
    }, 350);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [subdomain, rootDomain, touched]);
  return result;
}

export function SignupForm(props: { action: (prev: FormState, fd: FormData) => Promise<FormState>; initial: FormState; rootDomain: string; withCredentials: boolean }) {
  const [state, formAction] = useActionState(props.action, props.initial);
  const [subdomain, setSubdomain] = useState(state.values.subdomain);
  const [touched, setTouched] = useState(false);
  // Fields changed since the last answer: their old error no longer describes what is typed.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const edit = (field: string) => () => setEdited((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const availability = useAvailability(subdomain, props.rootDomain, touched);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setSubdomain(state.values.subdomain);
    setTouched(false);
    setEdited(new Set());
    if (state.formError) alertRef.current?.focus();
  }, [state]);

  const subError = touched ? (availability.state === 'bad' ? availability.message : undefined) : state.errors.subdomain;
  const errors = {
    organization: edited.has('organization') ? undefined : state.errors.organization,
    email: edited.has('email') ? undefined : state.errors.email,
    password: edited.has('password') ? undefined : state.errors.password,
  };
  const err = (id: string, msg?: string) =>
    msg ? (
      <p className="error" id={id}>
        {msg}
      </p>
    ) : null;

  return (
    <form action={formAction} noValidate aria-label={props.withCredentials ? 'Create your site' : 'Set up your site'} aria-describedby={state.formError ? 'form-error' : undefined}>
      {state.formError ? (
        <div className="alert" id="form-error" role="alert" tabIndex={-1} ref={alertRef}>
          {state.formError}
        </div>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />

      <label htmlFor="organization">Organization</label>
      <input
        id="organization"
        name="organization"
        type="text"
        autoComplete="organization"
        required
        maxLength={140}
        defaultValue={state.values.organization}
        onChange={edit('organization')}
        aria-invalid={errors.organization ? true : undefined}
        aria-describedby={errors.organization ? 'organization-error' : undefined}
      />
      {err('organization-error', errors.organization)}

      <label htmlFor="subdomain">Subdomain</label>
      <div className="suffixed">
        <input
          id="subdomain"
          name="subdomain"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={subdomain}
          onChange={(e) => {
            setSubdomain(e.target.value);
            setTouched(true);
          }}
          aria-invalid={subError ? true : undefined}
          aria-describedby="subdomain-hint subdomain-status"
        />
        <span className="suffix" aria-hidden="true">
          .{props.rootDomain}
        </span>
      </div>
      <p className="hint" id="subdomain-hint">
        Your site will live at{' '}
        <strong>
          {subdomain || 'your-name'}.{props.rootDomain}
        </strong>
        . Letters a-z, digits and hyphens, 3 to 32 characters.
      </p>
      <div id="subdomain-status" aria-live="polite">
        {subError ? (
          <p className="error" data-testid="subdomain-error">
            {subError}
          </p>
        ) : null}
        {touched && availability.state === 'checking' ? <p className="hint">Checking…</p> : null}
        {touched && availability.state === 'ok' ? <p className="ok">{availability.message}</p> : null}
      </div>

      {props.withCredentials ? (
        <>
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values.email}
            onChange={edit('email')}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'email-error' : undefined}
          />
          {err('email-error', errors.email)}

          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            onChange={edit('password')}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? 'password-hint password-error' : 'password-hint'}
          />
          <p className="hint" id="password-hint">
            At least 10 characters.
          </p>
          {err('password-error', errors.password)}
        </>
      ) : null}

      <CreateButton />
    </form>
  );
}
