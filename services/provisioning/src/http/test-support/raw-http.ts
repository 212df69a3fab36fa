/**
 * HTTP/1.1 over a plain socket, for attacking the router: fetch and undici normalise the request
 * target (dot segments, case of percent-escapes, absolute form) before it leaves, so a spec that
 * tests path spellings has to write the request line itself.
 */
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The whole answer as received, for failure messages. */
  readonly raw: string;
}

export interface RawRequest {
  readonly method: string;
  /** Written as is on the request line: origin form, absolute form, `*`, anything. */
  readonly target: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

/**
 * Sends one request on its own connection (Connection: close) and reads the answer to the end,
 * or for `timeoutMs` when the answer does not end (a stream): then what came so far is the answer.
 */
export function rawRequest(baseUrl: string, req: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const headers: Record<string, string> = { host: `${hostname}:${port}`, connection: 'close', ...(req.headers ?? {}) };
  if (body) headers['content-length'] ??= String(body.length);
  const head = `${req.method} ${req.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      if (chunks.length > 0) socket.destroy();
      else socket.destroy(new Error(`no answer within ${timeoutMs} ms to ${req.method} ${req.target.slice(0, 200)}`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parse(Buffer.concat(chunks).toString('latin1'), req.method));
      } catch (e) {
        reject(e);
      }
    });
    socket.write(head);
    if (body) socket.write(body);
  });
}

function parse(raw: string, method: string): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/1.1 ') || end === -1) throw new Error(`not an HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.slice(end + 4);
  if (method === 'HEAD') body = '';
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body: Buffer.from(body, 'latin1').toString('utf8'), raw };
}

function unchunk(s: string): string {
  let out = '';
  for (let at = 0; ;) {
    const eol = s.indexOf('\r\n', at);
    if (eol === -1) return out;
    const size = parseInt(s.slice(at, eol), 16);
    if (!size) return out;
    out += s.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}
