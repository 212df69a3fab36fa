/**
 * The part of a running Frappe site (gunicorn) the provisioning service calls instead of a bench
 * command: token auth with a user's API key, the site named by `X-Frappe-Site-Name` or the Host,
 * and four routes (web/routes.ts). Answers are shaped like frappe v15's: `{"data": ...}` for
 * resources, `{"message": ...}` for methods, and frappe's error JSON (`exc_type`, `exception`)
 * with its status codes. Each request spends its command's latency (BENCH_SIM_LATENCY /
 * BENCH_SIM_PROFILE: api-get, api-create-user, api-generate-keys) and changes the same site
 * database (`private/sim-db.json`) as the bench commands do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync } from 'node:fs';
import { Bench } from '../bench-dir.js';
import { latencyFor, parseControls, type Controls } from '../controls.js';
import { PyException } from '../errors.js';
import { route, FrappeHttpError, type RouteContext } from './routes.js';

export interface SimulatorWebOptions {
  readonly benchRoot: string;
  /** 0: any free port. */
  readonly port?: number;
  readonly host?: string;
  /** Where BENCH_SIM_LATENCY / BENCH_SIM_PROFILE are read (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface SimulatorWeb {
  /** http://host:port, what the service's FRAPPE_URL names. */
  readonly url: string;
  stop(): Promise<void>;
}

/** frappe's handle_exception body: the type, `module.Type: message`, and the HTTP status. */
function sendError(res: ServerResponse, status: number, pyType: string, message: string): void {
  const excType = pyType.split('.').pop() ?? pyType;
  send(res, status, { exc_type: excType, exception: `${pyType}: ${message}`, exc: JSON.stringify([`Traceback (most recent call last):\n${pyType}: ${message}\n`]) });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString();
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new FrappeHttpError(417, 'frappe.exceptions.ValidationError', 'Invalid JSON body');
  }
}

/** frappe.app.init_request: X-Frappe-Site-Name, else the Host without its port; a folder under sites/ (a link too). */
export function siteOf(bench: Bench, req: IncomingMessage): string {
  const named = req.headers['x-frappe-site-name'];
  const site = (typeof named === 'string' && named) || String(req.headers.host ?? '').replace(/:\d+$/, '');
  if (!site || /[/\\]/.test(site) || site === '.' || site === '..' || !existsSync(bench.sitePath(site, 'site_config.json'))) {
    throw new FrappeHttpError(404, 'werkzeug.exceptions.NotFound', `${site} does not exist`);
  }
  return site;
}

async function handle(bench: Bench, controls: Controls, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const site = siteOf(bench, req);
    const url = new URL(req.url ?? '/', 'http://x');
    const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : {};
    const ctx: RouteContext = {
      bench,
      site,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
      spend: async (command, target) => {
        const ms = latencyFor(controls, command, target ? [target, site] : [site]);
        if (ms > 0) await sleep(ms);
      },
    };
    const { status, body: answer } = await route(ctx);
    send(res, status, answer);
  } catch (e) {
    if (e instanceof FrappeHttpError) return sendError(res, e.status, e.pyType, e.message);
    if (e instanceof PyException) return sendError(res, 417, e.pyType, e.message);
    sendError(res, 500, 'Exception', (e as Error).message);
  }
}

export async function startSimulatorWeb(o: SimulatorWebOptions): Promise<SimulatorWeb> {
  const bench = new Bench(o.benchRoot);
  const controls = parseControls(o.env ?? process.env);
  const server: Server = createServer((req, res) => void handle(bench, controls, req, res));
  // gunicorn's keep-alive is short (2 s); a client's pooled connection must not outlive ours unnoticed.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => ok());
  });
  const a = server.address() as AddressInfo;
  return {
    url: `http://${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
