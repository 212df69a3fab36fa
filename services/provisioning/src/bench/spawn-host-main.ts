/**
 * The spawn host's body (spawn-host.ts): runs each request with spawnProcess and answers with its
 * id. It lives exactly as long as its parent: when the parent goes, however it goes (see
 * parent-watch.ts), the host ends every bench it started (SIGTERM, SIGKILL after a grace) and
 * exits, so no bench runs on with nobody to enforce its timeout or record its outcome.
 */
import { watchParent } from './parent-watch.js';
import { endAll, spawnProcess, type SpawnReply } from './spawn-process.js';
import { LIFELINE_FD, type HostMessage, type HostRequest } from './spawn-host.js';

const answer = (m: HostMessage): void => {
  // With a callback a failed send (the parent just died: EPIPE) is reported to it, not thrown at the process.
  if (process.connected) process.send?.(m, undefined, undefined, () => undefined);
};
const refused = (why: string): SpawnReply => ({ stdout: '', stderr: '', timedOut: false, shortMessage: why, starterLost: true });

// Its stderr is the service's: when that is a pipe whose reader died too, a write must not crash the host mid-cleanup.
process.stderr.on('error', () => undefined);
let leaving = false;
const leave = (why: string): void => {
  if (leaving) return;
  leaving = true;
  process.stderr.write(`spawn host ${process.pid}: ${why}; ending the benches it started\n`);
  void endAll().finally(() => process.exit(0));
};

process.on('message', (msg: HostRequest) => {
  if (leaving) return answer({ id: msg.id, reply: refused('the spawn host is shutting down') });
  // The pid goes to the parent first: if this host dies, the parent ends the bench it started.
  void spawnProcess(msg.req, (pid) => answer({ id: msg.id, pid })).then(
    // A bench ended because the host is leaving did not fail on its own: its step is redone, as
    // when the parent finds the host gone first (which of the two comes first is a race).
    (reply) => answer({ id: msg.id, reply: leaving ? { ...reply, starterLost: true } : reply }),
    (e: Error) => answer({ id: msg.id, reply: { stdout: '', stderr: '', timedOut: false, shortMessage: e.message } }),
  );
});
watchParent(leave, { lifelineFd: LIFELINE_FD });
// A Ctrl-C reaches the whole foreground process group: the service decides when to stop, and then disconnects.
process.on('SIGINT', () => undefined);
// A SIGTERM is aimed at this process (or its cgroup, by a supervisor stopping everything): go, but not alone.
process.on('SIGTERM', () => leave('SIGTERM'));
answer({ ready: true });
