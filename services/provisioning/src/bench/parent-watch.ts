/**
 * How a child process notices that its parent is gone, by three independent signs, because no
 * single one covers every way a parent goes and Node has no prctl(PR_SET_PDEATHSIG):
 * - the IPC channel closes: the parent disconnected, exited or was killed;
 * - a lifeline pipe reaches EOF: the kernel closes the parent's end however it dies, also when
 *   the IPC channel is stuck or was handed elsewhere;
 * - `process.ppid` changes (the orphan is re-parented to init or a subreaper): the last resort,
 *   polled, for a parent that died before either descriptor could be watched.
 * `onGone` is called once, with the sign that came first.
 */
import { fstatSync } from 'node:fs';
import { Socket } from 'node:net';

export interface ParentWatchOptions {
  /** Watch the IPC channel (default: when there is one). */
  readonly ipc?: boolean;
  /** The descriptor of the lifeline pipe the parent holds the other end of (absent: not watched). */
  readonly lifelineFd?: number;
  readonly pollMs?: number;
  /** The parent's pid as it is now (a seam for tests; `process.ppid` is read afresh on each access). */
  readonly ppid?: () => number;
}

export function watchParent(onGone: (why: string) => void, opts: ParentWatchOptions = {}): () => void {
  let done = false;
  const cleanups: Array<() => void> = [];
  const gone = (why: string) => {
    if (done) return;
    stop();
    onGone(why);
  };
  const stop = () => {
    done = true;
    cleanups.splice(0).forEach((c) => c());
  };

  const onDisconnect = () => gone('the IPC channel to the parent closed');
  if (opts.ipc !== false && process.send) {
    if (!process.connected) queueMicrotask(onDisconnect);
    process.once('disconnect', onDisconnect);
    cleanups.push(() => process.off('disconnect', onDisconnect));
  }

  if (opts.lifelineFd !== undefined && isOpen(opts.lifelineFd)) {
    const lifeline = new Socket({ fd: opts.lifelineFd, readable: true, writable: false });
    lifeline.on('end', () => gone('the lifeline pipe from the parent reached EOF'));
    lifeline.on('close', () => gone('the lifeline pipe from the parent closed'));
    lifeline.on('error', () => gone('the lifeline pipe from the parent failed'));
    // Nothing is ever written on it; reading only lets the EOF through. It keeps nobody alive.
    lifeline.resume();
    lifeline.unref();
    cleanups.push(() => lifeline.destroy());
  }

  const ppid = opts.ppid ?? (() => process.ppid);
  const first = ppid();
  const poll = setInterval(() => {
    if (ppid() !== first) gone(`the parent ${first} is gone (re-parented to ${ppid()})`);
  }, opts.pollMs ?? 1000);
  poll.unref();
  cleanups.push(() => clearInterval(poll));
  return stop;
}

function isOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}
