import { StreamSlots } from './stream-slots';

describe('StreamSlots', () => {
  it('caps per session, and a release frees the slot', () => {
    const slots = new StreamSlots({ perSession: 2, perAddress: 10 });
    const a = slots.acquire('s1', '203.0.113.1');
    const b = slots.acquire('s1', '203.0.113.2');
    expect(a && b).toBeTruthy();
    expect(slots.acquire('s1', '203.0.113.3')).toBeNull();
    expect(slots.acquire('s2', '203.0.113.1')).not.toBeNull();
    a!();
    expect(slots.acquire('s1', '203.0.113.3')).not.toBeNull();
  });

  it('caps per address across sessions', () => {
    const slots = new StreamSlots({ perSession: 4, perAddress: 3 });
    for (const s of ['s1', 's2', 's3']) expect(slots.acquire(s, '203.0.113.1')).not.toBeNull();
    expect(slots.acquire('s4', '203.0.113.1')).toBeNull();
    expect(slots.acquire('s4', '203.0.113.2')).not.toBeNull();
  });

  it('a release given twice frees one slot only, and a refused acquire takes none', () => {
    const slots = new StreamSlots({ perSession: 1, perAddress: 1 });
    const r = slots.acquire('s1', 'a')!;
    expect(slots.acquire('s2', 'a')).toBeNull();
    expect(slots.open).toBe(1);
    r();
    r();
    expect(slots.open).toBe(0);
    expect(slots.acquire('s1', 'a')).not.toBeNull();
    expect(slots.acquire('s1', 'b')).toBeNull();
  });
});
