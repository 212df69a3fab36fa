import { SERVER_MARK } from '../server/client-address.mjs';
import { visitorFrom } from './visitor';

const mark = (on: boolean) => {
  if (on) (globalThis as Record<symbol, unknown>)[SERVER_MARK] = true;
  else delete (globalThis as Record<symbol, unknown>)[SERVER_MARK];
};

afterEach(() => mark(false));

describe('visitorFrom', () => {
  it('believes nothing when web/server.mjs did not rewrite the headers (plain next start / next dev)', () => {
    expect(visitorFrom(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBeUndefined();
  });

  it('takes the one address web/server.mjs wrote', () => {
    mark(true);
    expect(visitorFrom(new Headers({ 'x-forwarded-for': '203.0.113.8' }))).toBe('203.0.113.8');
    expect(visitorFrom(new Headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
  });

  it('nothing for a chain or a non-address (never written by the server)', () => {
    mark(true);
    expect(visitorFrom(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.8' }))).toBeUndefined();
    expect(visitorFrom(new Headers({ 'x-forwarded-for': 'unknown' }))).toBeUndefined();
    expect(visitorFrom(new Headers())).toBeUndefined();
  });
});
