/**
 * Entry point of `bench-sim` in process mode (the default): this process is the bench, so the
 * invocation is its own argv, cwd, environment and pid.
 */
import { readFileSync } from 'node:fs';
import { runInvocation } from './invocation.js';

runInvocation({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  pid: process.pid,
  // Writes to pipes and files are synchronous on Linux: nothing is lost by exiting right after.
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  // Read only when a command prompts (getpass): up to EOF, as Python's buffered stdin would.
  readStdin: () => Promise.resolve(process.stdin.isTTY ? '' : readStdinText()),
}).then(
  // Signals end the process the default way (no exit line): the log then shows a start without
  // an exit, which is exactly what a killed bench looks like.
  (code) => process.exit(code),
  () => process.exit(1),
);

function readStdinText(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return ''; // closed or not readable: EOF
  }
}
