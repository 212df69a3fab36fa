/** The spawn host's body (spawn-host.ts): runs each request with spawnProcess and answers with its id. */
import { spawnProcess } from './spawn-process.js';
import type { HostMessage, HostRequest } from './spawn-host.js';

const answer = (m: HostMessage): void => {
  if (process.connected) process.send?.(m);
};

process.on('message', (msg: HostRequest) => {
  // The pid goes to the parent first: if this host dies, the parent ends the bench it started.
  void spawnProcess(msg.req, (pid) => answer({ id: msg.id, pid })).then(
    (reply) => answer({ id: msg.id, reply }),
    (e: Error) => answer({ id: msg.id, reply: { stdout: '', stderr: '', timedOut: false, shortMessage: e.message } }),
  );
});
// The parent is gone (exited, or killed): so is the reason to be here.
process.on('disconnect', () => process.exit(0));
// A Ctrl-C reaches the whole process group; the service decides when to stop, and then disconnects.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
answer({ ready: true });
