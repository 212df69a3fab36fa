/**
 * How `npm start` runs the web app, bound to loopback only (finding 8 of the 2026-12 attack
 * run: `next start` listens on every interface by default, so anyone on the developer's
 * network reached the web app and, through it, the API).
 *
 * The web's production server is a small custom server when it has one (web/server.mjs:
 * `next start`'s handler behind the client-address rewrite), named by web/package.json's
 * `start` script or found next to it; otherwise plain `next start`. Both take `-H <address>`
 * and `-p <port>`; HOST and PORT go into the environment as well for a server that reads those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOOPBACK = '127.0.0.1';
const SERVER_FILES = ['server.mjs', 'server.js'];

export interface WebCommand {
  readonly args: readonly string[];
  /** Added to the web's environment. */
  readonly env: Readonly<Record<string, string>>;
}

/** The server file a `start` script like `node server.mjs` or `node --flag ./server.js` names, if any. */
export function customServer(startScript: string | undefined): string | undefined {
  const m = /^\s*node\s+(?:--?\S+\s+)*(\S+\.[cm]?js)\b/.exec(startScript ?? '');
  return m?.[1];
}

export function webCommand(root: string, port: string): WebCommand {
  const webDir = join(root, 'web');
  const pkg = JSON.parse(readFileSync(join(webDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const server = [customServer(pkg.scripts?.start), ...SERVER_FILES].find((f) => f !== undefined && existsSync(join(webDir, f)));
  const listen = ['-H', LOOPBACK, '-p', port];
  // A custom server picks Next's production mode from NODE_ENV; `next start` sets it anyway.
  const env = { HOST: LOOPBACK, PORT: port, NODE_ENV: 'production' };
  if (server) return { args: [join(webDir, server), ...listen], env };
  return { args: [join(root, 'node_modules/next/dist/bin/next'), 'start', ...listen], env };
}
