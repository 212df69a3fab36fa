/**
 * Reveal-once through the real app and store: the API secret and a Google sign-up's generated
 * desk password are each answered once (no-store), then 409 CREDENTIALS.ALREADY_REVEALED saying
 * to rotate; two reveals at once give the value to one of them; the value is in no event and no
 * log line; bad names, unknown tenants and unfinished builds are refused as problem+json.
 */
import { planSteps, type StepRef } from '@tlc/tenant-events';
import { SecretsService } from '../secrets/secrets.service.js';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { API_SECRET_PLAINTEXT, driver } from '../test-support/drive.js';

const DESK_PASSWORD = 'generated-desk-password-7Hq2xZ';

describe('credentials reveal-once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { PM_ENABLED: 'false' });
  });
  afterAll(async () => h?.close());

  const signup = async (body: Record<string, unknown>) => {
    const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
    expect(res.statusCode).toBe(202);
    return res.json().tenantId as string;
  };
  const overview = (id: string) => h.inject({ method: 'GET', url: `/v1/tenants/${id}/credentials`, headers: auth });
  const reveal = (id: string, what: string, headers: Record<string, string> = auth) => h.inject({ method: 'POST', url: `/v1/tenants/${id}/credentials/${what}/reveal`, headers });

  /** Every step succeeds; a Google sign-up's admin step hands back a generated, sealed password. */
  async function activateGoogle(tenantId: string) {
    const drive = driver(h.service);
    const secrets = h.service.app.get(SecretsService);
    const results: Partial<Record<StepRef['step'], () => Promise<Record<string, unknown>>>> = {
      'new-site': async () => ({ dbName: `_${tenantId.slice(0, 8)}` }),
      'add-system-manager': async () => ({ generatedPassword: await secrets.seal(tenantId, DESK_PASSWORD) }),
      'api-keys': async () => ({ apiKey: `key-${tenantId.slice(0, 8)}`, apiSecret: await secrets.seal(tenantId, API_SECRET_PLAINTEXT) }),
      'set-host-name': async () => ({ hostName: 'h.example.localhost', siteUrl: 'http://h.example.localhost:8000' }),
    };
    for (const ref of planSteps(['erpnext'])) await drive.succeed(tenantId, ref, (await results[ref.step]?.()) ?? {});
  }

  it('shows the API secret once, then answers 409 with a code that says to rotate', async () => {
    const id = await signup(signupBody());
    await driver(h.service).activate(id);
    const before = await overview(id);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ tenantId: id, identityProvider: 'password', apiKey: `key-${id.slice(0, 8)}`, apiSecret: 'available', adminPassword: 'not-issued' });
    expect(before.body).not.toContain(API_SECRET_PLAINTEXT);

    const first = await reveal(id, 'api-secret');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.json()).toEqual({ credential: 'api-secret', apiKey: `key-${id.slice(0, 8)}`, apiSecret: API_SECRET_PLAINTEXT });

    const second = await reveal(id, 'api-secret');
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ code: 'CREDENTIALS.ALREADY_REVEALED', field: 'credential' });
    expect(second.json().detail).toMatch(/[Rr]otate/);
    expect(second.body).not.toContain(API_SECRET_PLAINTEXT);
    expect((await overview(id)).json().apiSecret).toBe('revealed');

    // A password sign-up's desk password is its own: nothing generated to show.
    expect((await reveal(id, 'admin-password')).json()).toMatchObject({ code: 'CREDENTIALS.NOT_AVAILABLE' });

    const stream = await h.store.readStream(`tenant-${id}`);
    expect(stream.filter((e) => e.type === 'CredentialRevealed').map((e) => e.data)).toEqual([{ tenantId: id, credential: 'api-secret' }]);
    expect(JSON.stringify(stream)).not.toContain(API_SECRET_PLAINTEXT);
    expect(h.logs.join('')).not.toContain(API_SECRET_PLAINTEXT);
  });

  it('shows a Google sign-up its generated desk password once', async () => {
    const { adminPassword: _pw, ...body } = signupBody({ identityProvider: 'google' });
    const id = await signup(body);
    await activateGoogle(id);
    expect((await overview(id)).json()).toMatchObject({ identityProvider: 'google', deskLogin: body.adminEmail, adminPassword: 'available' });
    const first = await reveal(id, 'admin-password');
    expect(first.json()).toEqual({ credential: 'admin-password', login: body.adminEmail, password: DESK_PASSWORD });
    expect((await reveal(id, 'admin-password')).json()).toMatchObject({ code: 'CREDENTIALS.ALREADY_REVEALED' });
    expect((await overview(id)).json()).toMatchObject({ adminPassword: 'revealed', apiSecret: 'available' });
    expect(JSON.stringify(await h.store.readStream(`tenant-${id}`))).not.toContain(DESK_PASSWORD);
    expect(h.logs.join('')).not.toContain(DESK_PASSWORD);
  });

  it('gives the value to one of two reveals at once', async () => {
    const id = await signup(signupBody());
    await driver(h.service).activate(id);
    const answers = await Promise.all([reveal(id, 'api-secret'), reveal(id, 'api-secret'), reveal(id, 'api-secret')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.body.includes(API_SECRET_PLAINTEXT))).toHaveLength(1);
  });

  it('refuses what it cannot show, as problem+json', async () => {
    const id = await signup(signupBody());
    const building = await reveal(id, 'api-secret');
    expect(building.statusCode).toBe(409);
    expect(building.json()).toMatchObject({ code: 'CREDENTIALS.NOT_AVAILABLE' });
    expect((await overview(id)).json()).toMatchObject({ apiKey: null, apiSecret: 'not-issued' });
    const bad = await reveal(id, 'root-password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'credential' });
    expect((await reveal('00000000-0000-4000-8000-000000000000', 'api-secret')).json()).toMatchObject({ code: 'TENANT.NOT_FOUND' });
    const anonymous = await h.inject({ method: 'POST', url: `/v1/tenants/${id}/credentials/api-secret/reveal` });
    expect(anonymous.statusCode).toBe(401);
  });
});
