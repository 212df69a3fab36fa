'use client';
/**
 * A secret shown once: a button while it can still be shown, then the value with "copy it now,
 * it will not be shown again". The value lives only in this component's state: a reload shows
 * "shown already", never the value.
 */
import { useState, useTransition } from 'react';
import type { Credential, CredentialState, RevealOutcome } from './credentials-api';
import { revealAction } from './reveal-action';

export function RevealOnce(props: { slug: string; credential: Credential; label: string; initial: CredentialState }) {
  const [outcome, setOutcome] = useState<RevealOutcome | undefined>();
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const id = `reveal-${props.credential}`;

  if (outcome?.ok) {
    return (
      <div className="reveal" data-testid={id}>
        <code data-testid={`${id}-value`}>{outcome.value}</code>{' '}
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(outcome.value).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <p className="notice" role="alert">
          <strong>Copy it now: it will not be shown again.</strong> We keep it encrypted and do not show it a second time.
        </p>
      </div>
    );
  }
  if (props.initial === 'not-issued') return <span data-testid={id}>Not issued yet</span>;
  if (props.initial === 'revealed' || outcome?.code === 'CREDENTIALS.ALREADY_REVEALED') {
    return <span data-testid={id}>Shown once already; it is not shown again.</span>;
  }
  return (
    <span data-testid={id}>
      <button type="button" disabled={pending} onClick={() => start(async () => setOutcome(await revealAction(props.slug, props.credential)))}>
        {pending ? 'Opening…' : `Show ${props.label}`}
      </button>
      <span className="muted"> (shown only once)</span>
      {outcome && !outcome.ok ? (
        <span role="alert" className="error">
          {' '}
          {outcome.message}
        </span>
      ) : null}
    </span>
  );
}
