import { redactBlock, relaySse, scanEvents } from './sse-relay';

const SETTLED = new Set(['Active', 'RolledBack']);
const settled = (s: string) => SETTLED.has(s);
const enc = new TextEncoder();

/** An upstream whose chunks the test pushes, and which records being cancelled. */
function upstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, push: (s: string) => controller.enqueue(enc.encode(s)), close: () => controller.close(), state };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let out = '';
  const dec = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) out += dec.decode(chunk, { stream: true });
  return out;
}

describe('scanEvents', () => {
  it('finds a settled status in a complete event only', () => {
    expect(scanEvents('id: 3\nevent: snapshot\ndata: {"status":"Provisioning"}\n\n', settled)).toEqual({ settled: false, rest: '' });
    expect(scanEvents('id: 9\nevent: TenantActivated\ndata: {"status":"Active"}\n\n', settled).settled).toBe(true);
    expect(scanEvents('id: 9\nevent: TenantActivated\ndata: {"status":"Active"}\n', settled)).toEqual({ settled: false, rest: 'id: 9\nevent: TenantActivated\ndata: {"status":"Active"}\n' });
    expect(scanEvents(': heartbeat\r\n\r\nretry: 2000\n\ndata: not json\n\n', settled).settled).toBe(false);
  });
});

describe('relaySse', () => {
  it('relays unchanged and ends (cancelling the upstream) once the tenant settles, across chunk boundaries', async () => {
    const up = upstream();
    let ends = 0;
    const out = relaySse(up.stream, { settled, maxLifeMs: 60_000, onEnd: () => ends++ });
    const text = readAll(out);
    up.push('retry: 2000\n\nid: 1\nevent: snapshot\ndata: {"status":"Provisioning"}\n\n');
    up.push('id: 9\nevent: TenantActivated\ndata: {"sta');
    up.push('tus":"Active"}\n\n');
    expect(await text).toBe('retry: 2000\n\nid: 1\nevent: snapshot\ndata: {"status":"Provisioning"}\n\nid: 9\nevent: TenantActivated\ndata: {"status":"Active"}\n\n');
    expect(up.state.cancelled).toBe(true);
    expect(ends).toBe(1);
  });

  it('the browser going away cancels the upstream and ends once', async () => {
    const up = upstream();
    let ends = 0;
    const out = relaySse(up.stream, { settled, maxLifeMs: 60_000, onEnd: () => ends++ });
    const reader = out.getReader();
    up.push('data: {"status":"Provisioning"}\n\n');
    await reader.read();
    await reader.cancel();
    expect(up.state.cancelled).toBe(true);
    expect(ends).toBe(1);
  });

  it('the upstream ending ends the relay', async () => {
    const up = upstream();
    let ends = 0;
    const out = relaySse(up.stream, { settled, maxLifeMs: 60_000, onEnd: () => ends++ });
    const text = readAll(out);
    up.push(': heartbeat\n\n');
    up.close();
    expect(await text).toBe(': heartbeat\n\n');
    expect(ends).toBe(1);
  });

  it('ends at its longest life', async () => {
    const up = upstream();
    let ends = 0;
    const out = relaySse(up.stream, { settled, maxLifeMs: 50, onEnd: () => ends++ });
    expect(await readAll(out)).toBe('');
    expect(up.state.cancelled).toBe(true);
    expect(ends).toBe(1);
  });

  it('with redact: passes on only complete events, each with its data rewritten, and still ends when settled', async () => {
    const up = upstream();
    let ends = 0;
    const redact = (m: { data: unknown }) => ({ ...(m.data as object), reason: undefined });
    const out = relaySse(up.stream, { settled, redact, maxLifeMs: 60_000, onEnd: () => ends++ });
    const text = readAll(out);
    up.push(': heartbeat\n\nid: 4\nevent: StepFailed\ndata: {"status":"Provisioning","rea');
    up.push('son":"bench exited with code 1"}\n\nid: 9\nevent: RolledBack\ndata: {"status":"RolledBack"}\n\n');
    expect(await text).toBe(': heartbeat\n\nid: 4\nevent: StepFailed\ndata: {"status":"Provisioning"}\n\nid: 9\nevent: RolledBack\ndata: {"status":"RolledBack"}\n\n');
    expect(up.state.cancelled).toBe(true);
    expect(ends).toBe(1);
  });
});

describe('redactBlock', () => {
  it('keeps ids, names and comments; leaves data that is not JSON alone', () => {
    expect(redactBlock('id: 1\nevent: x\ndata: {"a":1,"b":2}', (m) => ({ a: (m.data as { a: number }).a }))).toBe('id: 1\nevent: x\ndata: {"a":1}');
    expect(redactBlock(': heartbeat', () => 'x')).toBe(': heartbeat');
    expect(redactBlock('data: not json', () => 'x')).toBe('data: not json');
  });
});
