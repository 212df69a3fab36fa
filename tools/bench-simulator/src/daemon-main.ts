/**
 * `bench-sim-daemon --socket PATH`: daemon mode as its own process. Prints one line once it
 * listens (so a parent can wait for it) and stops cleanly on SIGTERM/SIGINT.
 */
import { Command } from 'commander';
import { startSimulatorDaemon } from './daemon.js';

const program = new Command('bench-sim-daemon')
  .description('Serves bench-sim commands sent by bench-sim-client (set BENCH_SIM_SOCKET=PATH for the client)')
  .option('--socket <path>', 'unix socket to listen on (default: a new path in the temp folder)')
  .parse();

const { socket } = program.opts<{ socket?: string }>();
try {
  const daemon = await startSimulatorDaemon({ socketPath: socket });
  process.stdout.write(`bench-sim-daemon listening on ${daemon.socketPath}\n`);
  const stop = (): void => void daemon.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (e) {
  process.stderr.write(`bench-sim-daemon: ${(e as Error).message}\n`);
  process.exit(1);
}
