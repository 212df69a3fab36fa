/**
 * The few calls a claim makes on a standby site through Frappe's REST API instead of a bench
 * command, each a request to the running site (~50-600 ms) instead of a cold Python start
 * (~1-5 s; docs/bench.md, measured on v15.50). Token auth with the site's Administrator API key,
 * the site named by `X-Frappe-Site-Name` (frappe's app.py reads it before the Host). Failures come
 * back in the BenchFailed shape, classified once here, so the process manager treats them like a
 * bench command's. No request or answer body reaches a result: they may hold a password.
 */
import type { FailureClass } from '@tlc/tenant-events';
import type { BenchFailed } from './bench-runner.js';

export interface ApiCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

export type RestOutcome<T> = { readonly ok: true; readonly value: T; readonly durationMs: number } | { readonly ok: false; readonly result: BenchFailed };

/** frappe's error answer (frappe.app.handle_exception): exc_type names the exception. */
interface FrappeError {
  readonly exc_type?: string;
  readonly exception?: string;
}

function classOf(status: number, excType: string | undefined): FailureClass {
  if (status === 401 || status === 403) return 'configuration';
  if (status === 404 && excType !== 'DoesNotExistError') return 'configuration'; // no such site: FRAPPE_URL or routing
  if (status === 429 || status >= 500) return 'transient';
  return 'permanent';
}

export class FrappeRest {
  constructor(private readonly baseUrl: string) {}

  /** Every role but frappe's automatic ones, and the user: what `add-system-manager` gives (frappe.utils.user.add_system_manager). */
  async createSystemManager(site: string, auth: ApiCredentials, email: string, password: string, timeoutMs: number): Promise<RestOutcome<{ existed: boolean }>> {
    const roles = await this.call<{ name: string }[]>(
      site,
      auth,
      'GET',
      `/api/resource/Role?fields=${encodeURIComponent('["name"]')}&filters=${encodeURIComponent('[["name","not in",["Administrator","Guest","All","Desk User"]]]')}&limit_page_length=0`,
      undefined,
      timeoutMs,
    );
    if (!roles.ok) return roles;
    const body = {
      email,
      first_name: email,
      enabled: 1,
      user_type: 'System User',
      send_welcome_email: 0,
      new_password: password,
      roles: roles.value.map((r) => ({ role: r.name })),
    };
    const made = await this.call<unknown>(site, auth, 'POST', '/api/resource/User', body, timeoutMs);
    const durationMs = roles.durationMs + (made.ok ? made.durationMs : made.result.durationMs);
    // An earlier attempt made the user (its answer was lost): done, as add-system-manager's redo is.
    if (!made.ok && made.result.stderrTail.startsWith('DuplicateEntryError')) return { ok: true, value: { existed: true }, durationMs };
    return made.ok ? { ok: true, value: { existed: false }, durationMs } : { ok: false, result: { ...made.result, durationMs } };
  }

  async userExists(site: string, auth: ApiCredentials, email: string, timeoutMs: number): Promise<RestOutcome<boolean>> {
    const r = await this.call<unknown>(site, auth, 'GET', `/api/resource/User/${encodeURIComponent(email)}`, undefined, timeoutMs);
    if (!r.ok && r.result.stderrTail.startsWith('DoesNotExistError')) return { ok: true, value: false, durationMs: r.result.durationMs };
    return r.ok ? { ok: true, value: true, durationMs: r.durationMs } : r;
  }

  private async call<T>(site: string, auth: ApiCredentials, method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<RestOutcome<T>> {
    const started = Date.now();
    const command = [method, path.split('?')[0]];
    const failed = (classification: FailureClass, reason: string, stderrTail: string, exitCode: number | null, timedOut = false): RestOutcome<T> => ({
      ok: false,
      result: { ok: false, command, exitCode, durationMs: Date.now() - started, stdoutTail: '', stderrTail, classification, reason, timedOut },
    });
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        signal: AbortSignal.timeout(timeoutMs),
        headers: { Authorization: `token ${auth.apiKey}:${auth.apiSecret}`, 'X-Frappe-Site-Name': site, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError') return failed('timeout', `the site's web server did not answer ${method} ${command[1]} in time`, '', null, true);
      return failed('transient', `the site's web server (FRAPPE_URL) did not answer: ${String((err.cause as Error | undefined)?.message ?? err.message).slice(0, 200)}`, '', null);
    }
    const json = (await res.json().catch(() => ({}))) as { data?: T; message?: T } & FrappeError;
    if (res.ok) return { ok: true, value: (json.data ?? json.message) as T, durationMs: Date.now() - started };
    // exception is `module.Type: message`; only its first line, and never the request body.
    const line = `${json.exc_type ?? `HTTP ${res.status}`}: ${String(json.exception ?? res.statusText)
      .split('\n')[0]
      .replace(/^[\w.]+: /, '')}`.slice(0, 500);
    const cls = classOf(res.status, json.exc_type);
    return failed(cls, `${method} ${command[1]} answered ${res.status} ${json.exc_type ?? ''}`.trim(), line, res.status);
  }
}
