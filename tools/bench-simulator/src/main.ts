/**
 * Entry point of `bench-sim` in process mode (the default): this process is the bench, so the
 * invocation is its own argv, cwd, environment and pid.
 */
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
  readStdin,
}).then(
  // Signals end the process the default way (no exit line): the log then shows a start without
  // an exit, which is exactly what a killed bench looks like.
  (code) => process.exit(code),
  () => process.exit(1),
);

/**
 * All of stdin, as a stream: a synchronous read of fd 0 fails with EAGAIN once Node has made the
 * pipe non-blocking (touching process.stdin does), which read as EOF before the runner had written.
 */
function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', () => resolve(''));
  });
}
