/** Parent side of the Emmett peer: one child process per request (emmett-child.ts). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmmettB1Answer, EmmettRequest } from './emmett-child.js';
import type { ProbeResults } from './probes.js';

const CHILD = fileURLToPath(new URL('./emmett-child.js', import.meta.url));

function ask<T>(request: EmmettRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, JSON.stringify(request)], { maxBuffer: 1 << 20, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`Emmett child failed: ${stderr.trim().split('\n')[0] || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
    });
  });
}

export const emmettB1 = (url: string, streams: number, writers: number): Promise<EmmettB1Answer> => ask<EmmettB1Answer>({ kind: 'b1', url, streams, writers });

export const emmettProbes = (url: string, noStream: 'STREAM_DOES_NOT_EXIST' | '0n'): Promise<ProbeResults> => ask<ProbeResults>({ kind: 'probes', url, noStream });
