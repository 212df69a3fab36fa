/** The spawn thread's body: runs each request with spawnProcess and answers with its id. */
import { parentPort } from 'node:worker_threads';
import { spawnProcess, type SpawnRequest } from './spawn-process.js';

parentPort?.on('message', (msg: { id: number; req: SpawnRequest }) => {
  void spawnProcess(msg.req).then(
    (reply) => parentPort?.postMessage({ id: msg.id, reply }),
    (e: Error) => parentPort?.postMessage({ id: msg.id, reply: { stdout: '', stderr: '', timedOut: false, shortMessage: e.message } }),
  );
});
