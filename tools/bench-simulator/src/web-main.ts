/**
 * `bench-sim-web [--port 8000] [--host 127.0.0.1] [--bench FOLDER]`, in a bench folder: the simulated sites'
 * REST API (web/web-server.ts), what FRAPPE_URL names. Prints one line once it listens.
 */
import { Command } from 'commander';
import { Bench } from './bench-dir.js';
import { startSimulatorWeb } from './web/web-server.js';

const o = new Command('bench-sim-web')
  .description("Serves the simulated sites' REST API (token auth; the site from X-Frappe-Site-Name or Host)")
  .option('--port <port>', 'port (0: any free one)', '8000')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--bench <folder>', 'the bench folder (default: the current one)')
  .parse()
  .opts<{ port: string; host: string; bench?: string }>();

try {
  const web = await startSimulatorWeb({ benchRoot: Bench.fromCwd(o.bench ?? process.cwd()).root, port: Number(o.port), host: o.host });
  process.stdout.write(`bench-sim-web listening on ${web.url}\n`);
  const stop = (): void => void web.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (e) {
  process.stderr.write(`bench-sim-web: ${(e as Error).message}\n`);
  process.exit(1);
}
