import type { TenantStatusView, TenantStreamMessage } from '@tlc/api-client';
import { TENANT_EVENT_TYPES } from '@tlc/tenant-events';
import {
  customerMessage,
  etaSeconds,
  retryFromHistory,
  failureReason,
  LATE_WORDS,
  messageEffect,
  publicStatus,
  retryFromEvent,
  retryOf,
  retryText,
  SHOWN_WORDS,
  STREAM_EVENT_NAMES,
  stepShown,
  timing,
  toProgressView,
  type ProgressView,
} from './progress-view';

type Step = TenantStatusView['steps'][number];
/** A step as the API's status view has it (its document's StepView). */
const step = (key: string, status: Step['status'], more: Partial<Step> = {}): Step => {
  const [name, app] = key.split(':') as [Step['step'], string | undefined];
  return { key, step: name, ...(app ? { app } : {}), label: key, status, attempts: status === 'pending' ? 0 : 1, startedAt: null, endedAt: null, durationMs: null, ...more };
};
/** The API's status view (GET /v1/tenants/{id}), as its OpenAPI document describes it. */
const view = (more: Partial<TenantStatusView> = {}): TenantStatusView => ({
  tenantId: 't1',
  organization: 'Acme',
  subdomain: 'acme',
  siteName: 'acme.example.com',
  status: 'Provisioning',
  phase: 'provisioning',
  steps: [],
  running: null,
  runningSteps: [],
  siteUrl: null,
  lastError: null,
  provisioningAttempt: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  activatedAt: null,
  updatedAt: null,
  revision: 3,
  links: { self: '/v1/tenants/t1', events: '/v1/tenants/t1/events', history: '/v1/tenants/t1/history' },
  ...more,
});
const status = view({
  steps: [
    step('new-site', 'succeeded', { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 2000 }),
    step('install-app:erpnext', 'running', { startedAt: '2026-01-01T00:00:02.000Z' }),
    step('api-keys', 'pending'),
  ],
});

describe('toProgressView', () => {
  it('names steps in words and keeps their state', () => {
    const v = toProgressView(status);
    expect(v.steps.map((s) => [s.key, s.label, s.state])).toEqual([
      ['new-site', 'Create your site and its database', 'succeeded'],
      ['install-app:erpnext', 'Install ERPNext', 'running'],
      ['api-keys', 'Issue your API keys', 'pending'],
    ]);
    expect(v.startedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('keeps of the last error only its step, class and time, never its words', () => {
    const lastError = {
      step: { step: 'install-app', app: 'erpnext' },
      classification: 'permanent',
      at: '2026-01-01T00:00:09.000Z',
      message: 'Installing erpnext failed: bench exited with code 1: frappe.exceptions.ValidationError: boom (BENCH_SIM_FAIL)',
    };
    const v = toProgressView({ ...status, status: 'RolledBack', lastError } as TenantStatusView);
    expect(v.status).toBe('RolledBack');
    expect(v.failure).toEqual({ step: 'install-app:erpnext', classification: 'permanent', at: '2026-01-01T00:00:09.000Z' });
    expect(JSON.stringify(v)).not.toMatch(/bench|frappe|BENCH_SIM_FAIL|exited/);
  });
});

describe('messageEffect: every message of the stream, as the API documents them', () => {
  const event = (type: string, data: Record<string, unknown> = {}) =>
    customerMessage({ event: type, id: 5, data: { revision: 5, position: 9, type, data, metadata: {}, recordedAt: 't', status: 'Provisioning' } } as unknown as TenantStreamMessage);
  it('a snapshot replaces the view; a step event asks for a refresh; a retried StepFailed says when', () => {
    expect(messageEffect(customerMessage({ event: 'snapshot', id: 3, data: status })).view?.steps).toHaveLength(3);
    expect(messageEffect(event('SiteCreated'))).toEqual({ refresh: true });
    expect(messageEffect(event('StepFailed', { step: 'new-site', attempt: 1, willRetry: true, retryAt: 'r' }))).toEqual({ refresh: true, retry: { step: 'new-site', attempt: 1, retryAt: 'r' } });
    expect(messageEffect(event('EmailVerified'))).toEqual({});
  });
  it('listens for every event the API sends, the ones the page used to miss included', () => {
    expect(STREAM_EVENT_NAMES).toEqual(expect.arrayContaining(['snapshot', 'EmailVerified', 'DeprovisionRequested', 'TenantDeprovisioned', 'ExistingAccountSignupAttempted']));
    // Every event type of the catalogue, plus the stream's opening snapshot.
    expect([...STREAM_EVENT_NAMES].sort()).toEqual(['snapshot', ...TENANT_EVENT_TYPES].sort());
  });
});

describe('etaSeconds', () => {
  const v = toProgressView(status);
  it('sums past medians of the remaining steps, minus time already spent on the running one', () => {
    const now = Date.parse('2026-01-01T00:00:05.000Z');
    expect(etaSeconds(v, { 'install-app:erpnext': 10_000, 'api-keys': 1000 }, now)).toBe(8);
  });
  it('gives no estimate without history', () => {
    expect(etaSeconds(v, {}, Date.now())).toBeUndefined();
  });
});

const BENCH_TEXT = /bench|frappe|BENCH_SIM|exit|code 1|Traceback|stderr/i;

describe('failureReason: a short reason per step and failure class, written for a customer', () => {
  const steps = ['new-site', 'install-app:erpnext', 'install-app:hrms', 'add-system-manager', 'api-keys', 'set-host-name', 'drop-site'];
  const classes = ['permanent', 'transient', 'timeout', 'configuration'] as const;
  it.each(steps.flatMap((step) => classes.map((c) => [step, c] as const)))('%s, %s', (step, classification) => {
    const text = failureReason({ step, classification });
    expect(text).not.toMatch(BENCH_TEXT);
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/^We could not /);
  });
  it('names the step and says why in general terms', () => {
    expect(failureReason({ step: 'add-system-manager', classification: 'permanent' })).toBe('We could not create your administrator account. It stopped with an error on our servers.');
    expect(failureReason({ step: 'install-app:erpnext', classification: 'timeout' })).toBe('We could not install ERPNext on your site. It took far longer than it should, so we stopped it.');
    expect(failureReason({ step: 'new-site', classification: 'configuration' })).toMatch(/on our side, not yours/);
    expect(failureReason({ step: 'api-keys', classification: 'transient' })).toMatch(/temporary problem .* kept coming back/);
  });
  it('has words for an unknown step or no failure at all', () => {
    expect(failureReason({ step: 'something-new' })).toBe('One of the steps that build your site did not work.');
    expect(failureReason(undefined)).toBe('One of the steps that build your site did not work.');
  });
});

describe('publicStatus and customerMessage: bench text never reaches the browser', () => {
  const lastError = { step: { step: 'new-site' as const }, message: 'Creating the site failed: bench exited with code 1', classification: 'permanent' as const, at: 't' };
  it('drops the failure message from a status and a snapshot', () => {
    expect(publicStatus({ ...status, lastError })).toEqual({ ...status, lastError: { step: { step: 'new-site' }, classification: 'permanent', at: 't' } });
    expect(JSON.stringify(customerMessage({ event: 'snapshot', id: 1, data: { ...status, lastError } }))).not.toMatch(BENCH_TEXT);
  });
  it("drops a StepFailed event's reason, exit code and stderr, keeps what the page needs", () => {
    const e = {
      revision: 4,
      position: 10,
      type: 'StepFailed',
      status: 'Provisioning',
      metadata: {},
      recordedAt: 't',
      data: {
        tenantId: 't1',
        step: 'new-site',
        attempt: 1,
        classification: 'transient',
        exitCode: 1,
        reason: 'bench exited with code 1',
        stderrTail: 'Traceback',
        willRetry: true,
        retryAt: '2026-01-01T00:00:10.000Z',
        durationMs: 5,
      },
    };
    const out = customerMessage({ event: 'StepFailed', id: 4, data: e } as unknown as TenantStreamMessage);
    expect(out.data).toMatchObject({ revision: 4, type: 'StepFailed', status: 'Provisioning' });
    expect((out.data as { data: unknown }).data).toEqual({
      tenantId: 't1',
      step: 'new-site',
      attempt: 1,
      classification: 'transient',
      willRetry: true,
      retryAt: '2026-01-01T00:00:10.000Z',
      durationMs: 5,
    });
  });
});

describe('stepShown: after a rollback the steps show as undone', () => {
  const rolled = toProgressView({
    ...status,
    status: 'RolledBack',
    steps: [step('new-site', 'succeeded', { durationMs: 2000 }), step('install-app:erpnext', 'failed'), step('api-keys', 'pending'), step('drop-site', 'succeeded')],
  });
  it('Undone, Failed, Not started; the clean-up step Done', () => {
    expect(rolled.steps.map((s) => SHOWN_WORDS[stepShown(rolled, s)])).toEqual(['Undone', 'Failed', 'Not started', 'Done']);
  });
  it('while a build goes on: Done, In progress, Waiting', () => {
    const v = toProgressView(status);
    expect(v.steps.map((s) => SHOWN_WORDS[stepShown(v, s)])).toEqual(['Done', 'In progress', 'Waiting']);
  });
});

describe('a retrying step', () => {
  const retrying = toProgressView({
    ...status,
    lastError: { step: { step: 'install-app', app: 'erpnext' }, classification: 'transient', at: '2026-01-01T00:00:05.000Z' },
    steps: [step('new-site', 'succeeded'), step('install-app:erpnext', 'pending', { attempts: 1 }), step('api-keys', 'pending')],
  });
  const now = Date.parse('2026-01-01T00:00:06.000Z');
  it('is found from the status alone (no time known)', () => {
    const r = retryOf(retrying)!;
    expect(r).toEqual({ step: 'install-app:erpnext', attempt: 1 });
    expect(retryText(r, now, 5)).toBe('retrying shortly (attempt 2 of 5)');
    expect(stepShown(retrying, retrying.steps[1], r)).toBe('retrying');
    expect(stepShown(retrying, retrying.steps[2], r)).toBe('waiting');
  });
  it('says "retrying in N s (attempt k of n)" once the StepFailed event gave its time', () => {
    const seen = retryFromEvent({ type: 'StepFailed', data: { step: 'install-app', app: 'erpnext', attempt: 1, willRetry: true, retryAt: '2026-01-01T00:00:10.000Z' } })!;
    expect(seen).toEqual({ step: 'install-app:erpnext', attempt: 1, retryAt: '2026-01-01T00:00:10.000Z' });
    expect(retryText(retryOf(retrying, seen)!, now, 5)).toBe('retrying in 4 s (attempt 2 of 5)');
    expect(retryText(seen, Date.parse('2026-01-01T00:00:11.000Z'), 5)).toBe('retrying now (attempt 2 of 5)');
    expect(retryText(seen, now)).toBe('retrying in 4 s (attempt 2)');
  });
  it('is read from the history: the last StepFailed that will be retried, unless its step started again', () => {
    const failed = { type: 'StepFailed', data: { step: 'new-site', attempt: 1, willRetry: true, retryAt: '2026-01-01T00:00:10.000Z', reason: 'bench said no' } };
    expect(retryFromHistory([{ type: 'SignupRequested', data: {} }, { type: 'StepStarted', data: { step: 'new-site' } }, failed])).toEqual({
      step: 'new-site',
      attempt: 1,
      retryAt: '2026-01-01T00:00:10.000Z',
    });
    expect(retryFromHistory([failed, { type: 'StepStarted', data: { step: 'new-site', attempt: 2 } }])).toBeUndefined();
    expect(retryFromHistory([failed, { type: 'EmailVerified', data: {} }])).toEqual({ step: 'new-site', attempt: 1, retryAt: '2026-01-01T00:00:10.000Z' });
    expect(retryFromHistory([failed, { type: 'StepStarted', data: { step: 'api-keys' } }])).toMatchObject({ step: 'new-site' });
    expect(retryFromHistory([])).toBeUndefined();
  });
  it('is not announced by a failure that will not be retried, nor once the step runs again or the tenant rolls back', () => {
    expect(retryFromEvent({ type: 'StepFailed', data: { step: 'new-site', attempt: 3, willRetry: false } })).toBeUndefined();
    expect(retryFromEvent({ type: 'SiteCreated', data: {} })).toBeUndefined();
    const runningAgain: ProgressView = { ...retrying, steps: retrying.steps.map((s) => (s.key === 'install-app:erpnext' ? { ...s, state: 'running' as const, attempts: 2 } : s)) };
    expect(retryOf(runningAgain)).toBeUndefined();
    expect(retryOf({ ...retrying, status: 'RolledBack' })).toBeUndefined();
  });
});

describe('timing: a build past its estimate says so', () => {
  const v = toProgressView(status);
  const medians = { 'install-app:erpnext': 10_000, 'api-keys': 1000 };
  it('an estimate while on time', () => {
    expect(timing(v, medians, Date.parse('2026-01-01T00:00:05.000Z'))).toEqual({ kind: 'eta', seconds: 8 });
  });
  it('late once the running step took more than twice its usual time (plus a little), not "About 8 s left"', () => {
    expect(timing(v, medians, Date.parse('2026-01-01T00:00:26.000Z'))).toEqual({ kind: 'eta', seconds: 1 });
    expect(timing(v, medians, Date.parse('2026-01-01T00:01:16.000Z'))).toEqual({ kind: 'late' });
    expect(LATE_WORDS).toMatch(/longer than usual.*email/);
  });
  it("late when the whole build (or the queue) took more than twice its steps' usual time", () => {
    const queued = toProgressView({ ...status, phase: 'queued', steps: status.steps.map((s) => ({ ...s, status: 'pending' as const, startedAt: null })) });
    const all = { 'new-site': 2000, 'install-app:erpnext': 10_000, 'api-keys': 1000 };
    expect(timing(queued, all, Date.parse('2026-01-01T00:00:20.000Z'))).toEqual({ kind: 'eta', seconds: 13 });
    expect(timing(queued, all, Date.parse('2026-01-01T00:00:32.000Z'))).toEqual({ kind: 'late' });
  });
  it('unknown without history', () => {
    expect(timing(v, {}, Date.now())).toEqual({ kind: 'unknown' });
  });
});
