import { run } from './cli.js';

const code = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
});
// Exit explicitly once output is flushed: a pool or timer left by a backend must not keep us alive.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
