/**
 * The frames bench-sim-client and the daemon exchange (see native/bench-sim-client.c): one type
 * byte, a 4-byte big-endian length, the payload. Length-prefixed, so argv elements, env values
 * and output may hold any byte, newlines and NULs included.
 */
export const HEADER = 5;

export interface Frame {
  readonly type: string;
  readonly payload: Buffer;
}

export function encodeFrame(type: string, payload: string | Buffer = ''): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const head = Buffer.alloc(HEADER);
  head.write(type, 0, 1, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** Cuts a byte stream into frames; chunks may end anywhere, even inside a header. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Frame[] = [];
    let at = 0;
    while (this.pending.length - at >= HEADER) {
      const len = this.pending.readUInt32BE(at + 1);
      if (this.pending.length - at - HEADER < len) break;
      frames.push({ type: String.fromCharCode(this.pending[at]), payload: this.pending.subarray(at + HEADER, at + HEADER + len) });
      at += HEADER + len;
    }
    this.pending = this.pending.subarray(at);
    return frames;
  }
}
