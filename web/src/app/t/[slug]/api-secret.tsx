'use client';
/**
 * The API secret on the dashboard: shown once (RevealOnce), and rotated on demand. Rotating asks
 * first (the secret in use stops working at once), then offers the new secret, once. The new
 * value never comes with the rotation's answer: only the reveal shows it.
 */
import { useState, useTransition } from 'react';
import type { CredentialState, RotateOutcome } from './credentials-api';
import { RevealOnce } from './reveal-once';
import { rotateAction } from './rotate-action';

export function ApiSecret(props: { slug: string; initial: CredentialState }) {
  const [state, setState] = useState(props.initial);
  // A new generation after each rotation: RevealOnce forgets what it showed before.
  const [generation, setGeneration] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<RotateOutcome | undefined>();
  const [pending, start] = useTransition();

  const rotate = () =>
    start(async () => {
      const r = await rotateAction(props.slug);
      setOutcome(r);
      setConfirming(false);
      if (r.ok) {
        setState(r.apiSecret);
        setGeneration((g) => g + 1);
      }
    });

  return (
    <div data-testid="api-secret">
      <RevealOnce key={generation} slug={props.slug} credential="api-secret" label="API secret" initial={state} />
      {state === 'not-issued' ? null : (
        <div className="rotate" data-testid="rotate-api-secret">
          {confirming ? (
            <span role="group" aria-label="Confirm rotation">
              <span>The secret in use stops working at once; anything that uses it needs the new one. </span>
              <button type="button" disabled={pending} onClick={rotate} data-testid="rotate-confirm">
                {pending ? 'Rotating…' : 'Yes, make a new secret'}
              </button>{' '}
              <button type="button" className="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)} data-testid="rotate-start">
              Rotate API secret
            </button>
          )}
          {outcome?.ok && generation > 0 ? (
            <p className="notice" role="status" data-testid="rotate-done">
              A new API secret was made; the old one no longer works. Show it above, once.
            </p>
          ) : null}
          {outcome && !outcome.ok ? (
            <p role="alert" className="error">
              {outcome.message}
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
