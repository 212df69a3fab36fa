import { encodeFrame, FrameReader } from './daemon-protocol.js';

describe('daemon frames', () => {
  const frames = [
    ['a', 'new-site'],
    ['e', 'X=line1\nline2\0tail'],
    ['g', ''],
    ['o', 'é'.repeat(300)],
  ] as const;
  const wire = Buffer.concat(frames.map(([t, p]) => encodeFrame(t, p)));

  it('reassembles frames however the stream is cut, headers included', () => {
    for (let cut = 0; cut <= wire.length; cut++) {
      const r = new FrameReader();
      const got = [...r.push(wire.subarray(0, cut)), ...r.push(wire.subarray(cut))];
      expect(got.map((f) => [f.type, f.payload.toString()])).toEqual(frames);
    }
  });

  it('holds back a frame until its last byte arrives', () => {
    const r = new FrameReader();
    expect(r.push(wire.subarray(0, 4))).toEqual([]);
    expect(r.push(wire.subarray(4, 13)).map((f) => f.type)).toEqual(['a']);
  });
});
