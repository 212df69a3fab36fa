import { operatorEmail } from './operator-email';

describe('operatorEmail', () => {
  const ops = new Set(['ops@example.test']);
  it('accepts a listed address whatever its case, and nobody else', () => {
    expect(operatorEmail({ email: ' Ops@Example.TEST ' }, ops)).toBe('ops@example.test');
    expect(operatorEmail({ email: 'ada@example.test' }, ops)).toBeNull();
    expect(operatorEmail({ email: undefined }, ops)).toBeNull();
    expect(operatorEmail(null, ops)).toBeNull();
    expect(operatorEmail({ email: 'ops@example.test' }, new Set())).toBeNull();
  });
});
