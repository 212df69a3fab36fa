/**
 * Before any child starts: every port `npm start` will listen on must be a number, distinct, and
 * free on 127.0.0.1. Checked by listening on it for a moment, so the refusal names the variable
 * to change instead of a child dying later with EADDRINUSE in the middle of the stack's output.
 */
import { createServer } from 'node:net';

export interface PortClaim {
  /** The variable that sets it, e.g. WEB_PORT. */
  readonly variable: string;
  /** The command-line option that sets it, e.g. --web-port. */
  readonly option: string;
  readonly port: string;
}

const hint = (c: PortClaim, other: number): string => `choose another one: ${c.variable}=${other} npm start (or npm start -- ${c.option} ${other})`;

/** Refusals for values that are not ports, and for two settings naming the same port. */
export function portValueProblems(claims: readonly PortClaim[]): string[] {
  const problems: string[] = [];
  const seen = new Map<number, PortClaim>();
  for (const c of claims) {
    const n = /^\d{1,5}$/.test(c.port.trim()) ? Number(c.port) : NaN;
    if (!(n >= 1 && n <= 65535)) {
      problems.push(`${c.variable} (${c.option}) must be a port number from 1 to 65535, got "${c.port}".`);
      continue;
    }
    const first = seen.get(n);
    if (first) problems.push(`${first.variable} and ${c.variable} are both ${n}; ${hint(c, n + 1)}.`);
    else seen.set(n, c);
  }
  return problems;
}

/** Why `port` cannot be listened on at `host` (EADDRINUSE, EACCES, ...), or undefined when it can. */
export function listenError(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => done(err));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => done(undefined)));
  });
}

/** One sentence per claim that cannot listen on `host`, naming its variable; empty when all can. */
export async function portProblems(host: string, claims: readonly PortClaim[]): Promise<string[]> {
  const values = portValueProblems(claims);
  if (values.length > 0) return values;
  const problems: string[] = [];
  for (const c of claims) {
    const port = Number(c.port);
    const err = await listenError(host, port);
    if (!err) continue;
    const why =
      err.code === 'EADDRINUSE'
        ? `is already in use on ${host} (another npm start, or another server?)`
        : err.code === 'EACCES'
          ? `cannot be opened by this user on ${host} (ports below 1024 need privileges)`
          : `cannot be listened on at ${host} (${err.code ?? err.message})`;
    problems.push(`${c.variable} ${port} ${why}; stop what holds it, or ${hint(c, port + 1)}.`);
  }
  return problems;
}
