import { BACKENDS, startHarness } from '../test-support/app-harness.js';

describe.each(BACKENDS)('health on %s', (backend) => {
  it('is ready while the event store answers, and 503 problem+json once it does not', async () => {
    const h = await startHarness(backend);
    try {
      const up = await h.inject({ method: 'GET', url: '/health' });
      expect(up.statusCode).toBe(200);
      expect(up.json().info.eventStore.backend).toBe(h.store.description);
      await h.store.close();
      const down = await h.inject({ method: 'GET', url: '/health' });
      expect(down.statusCode).toBe(503);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.json()).toMatchObject({ code: 'SERVICE.UNAVAILABLE', checks: { eventStore: { status: 'down' }, process: { status: 'up' } } });
    } finally {
      await h.close().catch(() => undefined);
    }
  });
});
