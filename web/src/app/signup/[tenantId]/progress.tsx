'use client';
/**
 * Live progress: the route handler's SSE stream first (each message refreshes the view; a
 * snapshot replaces it), polling when EventSource is missing or keeps failing. Safe to refresh
 * or close: the state lives on the server and the stream resumes from Last-Event-ID.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { streamMessage } from '@tlc/api-client';
import {
  failureReason,
  fmtSeconds,
  LATE_WORDS,
  messageEffect,
  retryOf,
  retryText,
  SHOWN_WORDS,
  STREAM_EVENT_NAMES,
  stepShown,
  TERMINAL,
  timing,
  toProgressView,
  type CustomerMessage,
  type ProgressView,
  type PublicStatus,
  type RetryInfo,
} from '../../../lib/progress-view';
import { retryAction } from './retry-action';

const POLL_MS = 2000;

const fmt = fmtSeconds;
const capitalize = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const SHOWN_CLASS = { waiting: 'pending', running: 'running', done: 'succeeded', failed: 'failed', undone: 'pending', 'not-started': 'pending', retrying: 'running' } as const;

export function Progress(props: { tenantId: string; initial: ProgressView; medians: Record<string, number>; dashboardUrl: string; maxAttempts?: number; initialRetry?: RetryInfo }) {
  const [view, setView] = useState(props.initial);
  const [seenRetry, setSeenRetry] = useState<RetryInfo | undefined>(props.initialRetry);
  const [now, setNow] = useState(() => Date.now());
  const [mode, setMode] = useState<'live' | 'polling'>('live');
  const viewRef = useRef(view);
  viewRef.current = view;
  const terminal = TERMINAL.has(view.status);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(`/api/tenants/${props.tenantId}`, { cache: 'no-store' });
      if (res.ok) {
        // The polling route answers the API's status view as PublicStatus (api/tenants/[tenantId]).
        setView(toProgressView((await res.json()) as PublicStatus));
      }
    } catch {
      // The next message or poll tries again.
    }
  }, [props.tenantId]);

  useEffect(() => {
    if (TERMINAL.has(props.initial.status)) return;
    let poll: ReturnType<typeof setInterval> | undefined;
    let es: EventSource | undefined;
    let failures = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const startPolling = () => {
      es?.close();
      setMode('polling');
      poll ??= setInterval(() => {
        if (TERMINAL.has(viewRef.current.status)) clearInterval(poll);
        else void refresh();
      }, POLL_MS);
    };
    if (typeof EventSource === 'undefined') startPolling();
    else {
      es = new EventSource(`/api/tenants/${props.tenantId}/events`);
      const onMessage = (e: MessageEvent<string>) => {
        failures = 0;
        let message: CustomerMessage;
        // The relay sends the API's messages as CustomerMessage (api/tenants/[tenantId]/events).
        try {
          message = streamMessage(e.type, e.lastEventId, e.data) as unknown as CustomerMessage;
        } catch {
          return;
        }
        const effect = messageEffect(message);
        if (effect.retry) setSeenRetry(effect.retry);
        if (effect.view) setView(effect.view);
        else if (effect.refresh) {
          clearTimeout(pending);
          pending = setTimeout(() => void refresh(), 100);
        }
      };
      for (const name of STREAM_EVENT_NAMES) es.addEventListener(name, onMessage as EventListener);
      es.onerror = () => {
        void refresh();
        // The server closes the stream once the tenant is Active or RolledBack.
        if (TERMINAL.has(viewRef.current.status)) es?.close();
        else if (++failures >= 2 || es?.readyState === EventSource.CLOSED) startPolling();
      };
    }
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      es?.close();
      clearInterval(poll);
      clearInterval(tick);
      clearTimeout(pending);
    };
  }, [props.tenantId, props.initial.status, refresh]);

  useEffect(() => {
    if (!terminal) return;
    if (view.status === 'Active') {
      const t = setTimeout(() => window.location.assign(props.dashboardUrl), 400);
      return () => clearTimeout(t);
    }
  }, [terminal, view.status, props.dashboardUrl]);

  const started = view.startedAt ? Date.parse(view.startedAt) : undefined;
  const elapsed = started !== undefined ? Math.max(0, Math.round((now - started) / 1000)) : undefined;
  const time = terminal ? undefined : timing(view, props.medians, now);
  const running = view.steps.find((s) => s.state === 'running');
  const retry = retryOf(view, seenRetry);
  const retryLabel = retry ? view.steps.find((s) => s.key === retry.step)?.label : undefined;
  const failed = view.status === 'RolledBack' || view.status === 'Failed' || view.status === 'RollingBack' || view.status === 'Broken';

  return (
    <section aria-labelledby="progress-title">
      <h1 id="progress-title">{view.status === 'Active' ? 'Your site is ready' : failed ? 'We could not build your site' : 'Building your site'}</h1>
      <p className="muted">
        {view.organization} · <strong>{view.subdomain}</strong>
      </p>

      <p role="status" aria-live="polite" data-testid="progress-status">
        {view.status === 'Active'
          ? 'All done. Taking you to your dashboard…'
          : view.status === 'RolledBack'
            ? 'Everything was rolled back.'
            : view.status === 'RollingBack' || view.status === 'Failed'
              ? 'Something went wrong; cleaning up…'
              : view.status === 'Broken'
                ? 'Something went wrong, and cleaning up after it did not work either.'
                : view.status === 'Deprovisioning'
                  ? 'This site is being removed.'
                  : view.status === 'Deprovisioned'
                    ? 'This site was removed.'
                    : running
                      ? `${running.label}…`
                      : retry
                        ? `${retryLabel ?? 'A step'} hit a temporary problem: ${retryText(retry, now, props.maxAttempts)}.`
                        : view.queued
                          ? 'Queued: your site is next in line.'
                          : 'Starting…'}
      </p>

      <ol className="steps" aria-label="Steps">
        {view.steps.map((s) => {
          const shown = stepShown(view, s, retry);
          return (
            <li key={s.key} data-step={s.key} data-state={s.state} data-shown={shown}>
              <span>{s.label}</span>
              <span className={`state-${SHOWN_CLASS[shown]}`}>
                {shown === 'retrying' && retry ? capitalize(retryText(retry, now, props.maxAttempts)) : SHOWN_WORDS[shown]}
                {shown === 'done' && s.durationMs !== undefined ? ` (${(s.durationMs / 1000).toFixed(1)} s)` : ''}
              </span>
            </li>
          );
        })}
      </ol>

      {!terminal ? (
        <p className="muted" data-testid="timing">
          {elapsed !== undefined ? `Elapsed ${fmt(elapsed)}. ` : ''}
          {time?.kind === 'eta' ? (
            time.seconds > 0 ? (
              `About ${fmt(time.seconds)} left, judging by recent sites.`
            ) : (
              'Almost done.'
            )
          ) : time?.kind === 'late' ? (
            <span data-testid="late">{LATE_WORDS}</span>
          ) : (
            'Estimating the time left…'
          )}
          {mode === 'polling' ? ' (Checking every few seconds.)' : ''}
        </p>
      ) : null}

      {view.status === 'RolledBack' ? (
        <div className="alert" role="alert" data-testid="failure">
          <p>
            <strong>What went wrong:</strong> {failureReason(view.failure)}
          </p>
          <p>Everything was rolled back: no half-built site was left behind, and the steps above were undone. You can try again now.</p>
          <form action={retryAction.bind(null, props.tenantId)}>
            <button type="submit">Retry</button>
          </form>
        </div>
      ) : view.status === 'Broken' ? (
        <div className="notice" role="alert" data-testid="broken">
          <p>
            <strong>What went wrong:</strong> {failureReason(view.failure)}
          </p>
          <p>
            <strong>What happens next:</strong> a partly built site may be left on our servers, so a person from our team has to clean it up by hand; nothing here will retry by itself. You do not need
            to do anything. Once it is cleaned up, the name <strong>{view.subdomain}</strong> and your email address are free again and you can sign up anew.
          </p>
        </div>
      ) : failed ? (
        <div className="notice" role="alert">
          <p>
            <strong>What went wrong:</strong> {failureReason(view.failure)}
          </p>
        </div>
      ) : null}

      {view.status === 'Active' ? (
        <p>
          <a className="button" href={props.dashboardUrl}>
            Go to your dashboard
          </a>
        </p>
      ) : null}
      <noscript>{!terminal ? <meta httpEquiv="refresh" content="3" /> : null}</noscript>
    </section>
  );
}
