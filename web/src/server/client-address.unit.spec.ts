import { clientAddress, normalizeAddress, parseTrustProxy, rewriteForwarding } from './client-address.mjs';

const NONE = parseTrustProxy(undefined);

describe('parseTrustProxy', () => {
  it.each([undefined, '', ' ', 'false', 'FALSE', '0', 'none'])('%p trusts nothing', (v) => {
    expect(parseTrustProxy(v).kind).toBe('none');
  });

  it('a hop count', () => {
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
  });

  it('addresses, CIDRs and names', () => {
    const t = parseTrustProxy('loopback, 10.1.0.0/16,2001:db8::1');
    expect(t.kind).toBe('addresses');
    expect(clientAddress('10.1.2.3', '203.0.113.9', t)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1', '203.0.113.9', t)).toBe('203.0.113.9');
    expect(clientAddress('10.2.0.1', '203.0.113.9', t)).toBe('10.2.0.1');
  });

  it.each([
    ['true', /any client choose its own address/],
    ['*', /any client choose its own address/],
    ['11', /at most 10/],
    ['proxy.internal', /"proxy.internal", which is not an IP address/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['10.0.0.0/8/1', /"10.0.0.0\/8\/1"/],
    ['10.0.0.0/x', /"10.0.0.0\/x"/],
  ])('refuses %p with a message naming WEB_TRUST_PROXY', (v, why) => {
    expect(() => parseTrustProxy(v)).toThrow(/^web: WEB_TRUST_PROXY /);
    expect(() => parseTrustProxy(v)).toThrow(why);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:203.0.113.8', '203.0.113.8'],
    [' 203.0.113.8 ', '203.0.113.8'],
    ['2001:DB8::1', '2001:db8::1'],
    ['1.2.3.4:80', undefined],
    ['[::1]', undefined],
    ['unknown', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p -> %p', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe('clientAddress with trust off (the default): the socket, whatever the headers say', () => {
  it.each([undefined, '198.51.100.1', '198.51.100.1, 198.51.100.2', ['198.51.100.1', '198.51.100.2'], 'garbage'])('X-Forwarded-For %p', (xff) => {
    expect(clientAddress('::ffff:127.0.0.1', xff, NONE)).toBe('127.0.0.1');
  });

  it('a thousand rotated addresses are one client', () => {
    const seen = new Set(Array.from({ length: 1000 }, (_, i) => clientAddress('203.0.113.5', `10.0.${i >> 8}.${i & 255}`, NONE)));
    expect([...seen]).toEqual(['203.0.113.5']);
  });

  it('no socket address (closed): none', () => {
    expect(clientAddress(undefined, '198.51.100.1', NONE)).toBeUndefined();
  });
});

describe('clientAddress with trust on', () => {
  const loopback = parseTrustProxy('loopback');
  const oneHop = parseTrustProxy('1');

  it('a trusted proxy names the visitor: the entry it added (the last)', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.8', loopback)).toBe('203.0.113.8');
    expect(clientAddress('127.0.0.1', '203.0.113.8', oneHop)).toBe('203.0.113.8');
  });

  it("entries the client wrote before the proxy's are not believed", () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.8', loopback)).toBe('203.0.113.8');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.8', oneHop)).toBe('203.0.113.8');
    expect(clientAddress('127.0.0.1', ['198.51.100.1', '203.0.113.8'], oneHop)).toBe('203.0.113.8');
  });

  it('walks through trusted proxies only', () => {
    const t = parseTrustProxy('loopback,uniquelocal');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.8, 10.0.0.7', t)).toBe('203.0.113.8');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.6, 10.0.0.7', t)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.6, 10.0.0.7', parseTrustProxy('2'))).toBe('10.0.0.6');
  });

  it('a peer that is not a trusted proxy is the client, whatever it sends', () => {
    expect(clientAddress('203.0.113.99', '198.51.100.1', loopback)).toBe('203.0.113.99');
  });

  it('an entry that is not an IP ends the walk at the last believable address', () => {
    expect(clientAddress('127.0.0.1', 'unknown', loopback)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 1.2.3.4:5678', oneHop)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '', oneHop)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, oneHop)).toBe('127.0.0.1');
  });
});

describe('rewriteForwarding', () => {
  const request = (remoteAddress: string, headers: Record<string, string | string[]>) => ({
    socket: { remoteAddress },
    headers: { host: 'example.localhost:3000', ...headers } as Record<string, string | string[] | undefined>,
  });
  const spoof = {
    'x-forwarded-for': '198.51.100.1',
    'x-real-ip': '198.51.100.2',
    forwarded: 'for=198.51.100.3',
    'x-client-ip': '198.51.100.4',
    'true-client-ip': '198.51.100.5',
    'cf-connecting-ip': '198.51.100.6',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'evil.test',
    'x-forwarded-port': '443',
  };

  it("trust off: one address, the socket's, and nothing else a client could name", () => {
    const req = request('::ffff:203.0.113.5', spoof);
    rewriteForwarding(req, NONE);
    expect(req.headers).toEqual({ host: 'example.localhost:3000', 'x-forwarded-for': '203.0.113.5' });
  });

  it('trusted proxy: the visitor it named; its proto and host kept', () => {
    const req = request('127.0.0.1', { ...spoof, 'x-forwarded-for': '198.51.100.1, 203.0.113.8' });
    rewriteForwarding(req, parseTrustProxy('loopback'));
    expect(req.headers).toEqual({
      host: 'example.localhost:3000',
      'x-forwarded-for': '203.0.113.8',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.test',
      'x-forwarded-port': '443',
    });
  });

  it('a closed socket: no address at all', () => {
    const req = { socket: {}, headers: { 'x-forwarded-for': '198.51.100.1' } as Record<string, string | string[] | undefined> };
    rewriteForwarding(req, NONE);
    expect(req.headers).toEqual({});
  });
});
