import { parseTableQuery } from './tenants';

describe('parseTableQuery', () => {
  it('keeps known statuses and sane pages, and falls back for anything else', () => {
    expect(parseTableQuery({ q: ' acme ', status: 'Broken', page: '3' })).toEqual({ q: 'acme', status: 'Broken', page: 3 });
    expect(parseTableQuery({ status: 'Happy', page: '-1' })).toEqual({ q: '', status: null, page: 1 });
    expect(parseTableQuery({ status: ['Failed', 'Active'], page: '1.5' })).toEqual({ q: '', status: 'Failed', page: 1 });
    expect(parseTableQuery({ q: 'x'.repeat(400) }).q).toHaveLength(254);
  });
});
