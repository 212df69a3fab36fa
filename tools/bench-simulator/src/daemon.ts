/**
 * Daemon mode: one warm Node process serves bench commands sent by bench-sim-client over a unix
 * socket, so each command costs the client's ~1 ms start instead of Node's 100-200 ms. The
 * service still runs one process per command (the client), and each connection is one
 * invocation with its own argv, cwd, env and pid; when the connection closes early (the client
 * was killed) the invocation is abandoned at its next step.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { encodeFrame, FrameReader, type Frame } from './daemon-protocol.js';
import { runInvocation } from './invocation.js';

/** dist/bench-sim-client, built by scripts/build-client.mjs (this file is src/ or dist/, one level down). */
export const CLIENT_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bench-sim-client');

export interface SimulatorDaemonOptions {
  /** Where to listen; default a fresh path in the temp folder. */
  readonly socketPath?: string;
}

export interface SimulatorDaemon {
  readonly socketPath: string;
  /** Absolute path of the compiled client: use it as the bench binary, with BENCH_SIM_SOCKET=socketPath. */
  readonly clientBin: string;
  /** Stops listening, abandons the invocations in flight and removes the socket file. */
  stop(): Promise<void>;
}

/** Runs the daemon in this process. Throws when the client is not built (`npm run build` needs `cc`). */
export async function startSimulatorDaemon(options: SimulatorDaemonOptions = {}): Promise<SimulatorDaemon> {
  if (!existsSync(CLIENT_BIN)) {
    throw new Error(`bench-sim-client is not built (${CLIENT_BIN}): run \`npm run build\` on a machine with a C compiler (cc)`);
  }
  const socketPath = resolve(options.socketPath ?? join(tmpdir(), `bench-sim-${process.pid}-${randomBytes(4).toString('hex')}.sock`));
  await removeStaleSocket(socketPath);
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    serve(socket);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(socketPath, () => {
      server.off('error', fail);
      ok();
    });
  });
  return {
    socketPath,
    clientBin: CLIENT_BIN,
    stop: () =>
      new Promise<void>((ok) => {
        for (const s of connections) s.destroy();
        server.close(() => ok());
      }),
  };
}

/** A socket file nobody answers on is left over from a daemon that died: take its place. */
async function removeStaleSocket(path: string): Promise<void> {
  if (!existsSync(path)) return;
  const answered = await new Promise<boolean>((ok) => {
    const probe = connect(path, () => {
      probe.destroy();
      ok(true);
    });
    probe.on('error', () => ok(false));
  });
  if (answered) throw new Error(`a bench-sim daemon already listens on ${path}`);
  unlinkSync(path);
}

/** One connection = one invocation. */
function serve(socket: Socket): void {
  const reader = new FrameReader();
  const abandoned = new AbortController();
  const argv: string[] = [];
  const env: NodeJS.ProcessEnv = {};
  let cwd = '';
  let pid = 0;
  let stdoutIsTTY = false;
  let started = false;
  const childPids: Array<(pid: number | undefined) => void> = [];
  const stdinWaiters: Array<(text: string) => void> = [];
  let stdin: Promise<string> | undefined;
  // Asked for once, when the command first prompts (getpass): the client sends all of it.
  const readStdin = (): Promise<string> =>
    (stdin ??= new Promise((give) => {
      if (abandoned.signal.aborted) return give('');
      stdinWaiters.push(give);
      send('r', '');
    }));

  const send = (type: string, payload: string): void => {
    if (!socket.destroyed && socket.writable) socket.write(encodeFrame(type, payload));
  };
  // The client is gone (killed, or its process group was): stop the invocation at its next step.
  socket.on('close', () => {
    abandoned.abort(new Error('bench-sim-client disconnected'));
    for (const give of childPids.splice(0)) give(undefined);
    for (const give of stdinWaiters.splice(0)) give('');
  });
  socket.on('error', () => undefined); // 'close' follows

  const spawnHangChild = (): Promise<number | undefined> =>
    new Promise((give) => {
      if (abandoned.signal.aborted) return give(undefined);
      childPids.push(give);
      send('h', '');
    });

  const start = (): void => {
    started = true;
    runInvocation({
      argv,
      cwd,
      env,
      pid,
      stdoutIsTTY,
      signal: abandoned.signal,
      spawnHangChild,
      readStdin,
      out: (s) => send('o', s),
      err: (s) => send('e', s),
    }).then(
      (code) => {
        if (!socket.destroyed) socket.end(encodeFrame('x', String(code)));
      },
      () => socket.destroy(),
    );
  };

  const handle = (f: Frame): void => {
    const text = f.payload.toString();
    switch (f.type) {
      case 'a':
        argv.push(text);
        break;
      case 'c':
        cwd = text;
        break;
      case 'e': {
        const eq = text.indexOf('=');
        if (eq > 0) env[text.slice(0, eq)] = text.slice(eq + 1);
        break;
      }
      case 'p':
        pid = Number(text);
        break;
      case 't':
        stdoutIsTTY = text === '1';
        break;
      case 'g':
        if (!started) start();
        break;
      case 'k':
        childPids.shift()?.(Number(text) || undefined);
        break;
      case 'i':
        stdinWaiters.shift()?.(text);
        break;
      default:
        socket.destroy(); // not our client
    }
  };
  socket.on('data', (chunk: Buffer) => {
    for (const f of reader.push(chunk)) handle(f);
  });
}
