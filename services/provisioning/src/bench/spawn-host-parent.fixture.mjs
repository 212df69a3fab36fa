// A stand-in for the service in spawn-host.int.spec.ts: starts a spawn host from the built code
// (as the service does), has it run one long command, prints the host's pid, and then either
// waits to be killed or lets the host go the way its first argument says.
//   node spawn-host-parent.fixture.mjs <wait|disconnect|lifeline> <bin> <cwd> <pids file>
import { SpawnHost } from '../../dist/bench/spawn-host.js';

const [mode, bin, cwd, pids] = process.argv.slice(2);
const host = new SpawnHost(new URL('../../dist/bench/spawn-host-main.js', import.meta.url).pathname).warm();
void host
  .run({ bin, args: ['new-site', 'orphan.test', '--force'], cwd, env: { PATH: process.env.PATH ?? '', PIDS: pids }, timeoutMs: 600_000 })
  .then((reply) => process.stdout.write(`${JSON.stringify({ reply })}\n`));
process.stdout.write(`${JSON.stringify({ host: host.pid })}\n`);

// The spec says when bench runs (it reads the pids file) by writing a line on stdin.
process.stdin.once('data', () => {
  if (mode === 'disconnect') void host.close().then(() => process.stdout.write(`${JSON.stringify({ closed: true })}\n`));
  // The lifeline alone: the IPC channel stays open. (The fixture reaches into the host's child, which the service never does.)
  if (mode === 'lifeline') host.child.stdio[4].destroy();
});
setInterval(() => undefined, 1000);
