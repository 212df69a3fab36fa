/**
 * autocannon, driven the same way against every server in B3: a saturation run (max req/s) and a
 * paced run at a fixed overall rate (latency percentiles). Paths rotate over many subdomains so
 * neither side answers one hot key.
 */
import autocannon from 'autocannon';

export interface LoadTarget {
  readonly url: string;
  readonly paths: readonly string[];
  readonly headers?: Record<string, string>;
}

export interface SaturationResult {
  readonly requestsPerSecond: number;
}
export interface PacedResult {
  readonly p50: number;
  readonly p99: number;
  readonly requestsPerSecond: number;
}

async function fire(target: LoadTarget, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    requests: target.paths.map((path) => ({ method: 'GET', path })),
    ...options,
  } as autocannon.Options);
  // A figure built on error answers would measure how fast a server says no: refuse it. Timeouts
  // (10 s) are slow answers, not fast ones; they only lower the figure, so they are tolerated.
  if (result.non2xx > 0 || result.requests.total === 0) {
    throw new Error(`load run against ${target.url} had ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.requests.total}`);
  }
  return result;
}

export async function saturate(target: LoadTarget, seconds: number, connections = 32): Promise<SaturationResult> {
  const r = await fire(target, { connections, duration: seconds, pipelining: 1 });
  return { requestsPerSecond: r.requests.total / (r.duration || seconds) };
}

export async function paced(target: LoadTarget, seconds: number, rate = 1000, connections = 10): Promise<PacedResult> {
  const r = await fire(target, { connections, duration: seconds, overallRate: rate, pipelining: 1 });
  return { p50: r.latency.p50, p99: r.latency.p99, requestsPerSecond: r.requests.total / (r.duration || seconds) };
}
