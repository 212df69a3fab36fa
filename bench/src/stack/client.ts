/**
 * The signup client. A POST that meets a dead service (the soak kills it) is retried with the
 * same Idempotency-Key until it gets an answer, as a real client would.
 */
import { randomUUID } from 'node:crypto';

export interface SignupRequest {
  readonly organization: string;
  readonly subdomain: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
}

export interface SignupAnswer {
  /** Empty when the signup turned out to be recorded by an earlier, interrupted attempt. */
  readonly tenantId: string;
  readonly status: number;
  /** When the first attempt was sent (ms since epoch) and when an answer arrived. */
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly attempts: number;
}

export async function postSignup(baseUrl: () => string, headers: Record<string, string>, body: SignupRequest, options: { retryForMs?: number } = {}): Promise<SignupAnswer> {
  const key = randomUUID();
  const sentAt = Date.now();
  const deadline = sentAt + (options.retryForMs ?? 0);
  for (let attempts = 1; ; attempts++) {
    try {
      const res = await fetch(`${baseUrl()}/v1/tenants`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      if (res.status === 202 || res.status === 201) {
        const json = JSON.parse(text) as { tenantId: string };
        return { tenantId: json.tenantId, status: res.status, sentAt, answeredAt: Date.now(), attempts };
      }
      if (res.status === 409) {
        const problem = JSON.parse(text) as { detail?: string; subdomain?: string };
        // A SIGKILL between the reservations and the idempotency record: the signup was in fact
        // recorded (and has moved on), so this email already owns our subdomain's tenant.
        if (problem.subdomain === body.subdomain) return { tenantId: '', status: 409, sentAt, answeredAt: Date.now(), attempts };
        // A killed attempt still holds the reservation until its grace period ends: as the
        // answer says, try again a little later.
        if (/try again/i.test(problem.detail ?? '') && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
      }
      // 5xx while a killed service's port is being reused, or a 503 during start-up: retry.
      if (res.status < 500 || Date.now() > deadline) throw new Error(`POST /v1/tenants for ${body.subdomain} answered ${res.status}: ${text.slice(0, 300)}`);
    } catch (error) {
      if ((error as Error).message.startsWith('POST /v1/tenants') || Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const signupFor = (tag: string, i: number): SignupRequest => ({
  organization: `Soak ${tag} ${i}`,
  subdomain: `s${tag}${i}`,
  adminEmail: `admin${i}@s${tag}${i}.example.org`,
  adminPassword: `pw-${tag}-${i}-long-enough`,
});
