import type { RecordedEvent } from '@tlc/event-store';
import { claimsBy, type StandbyEvent } from '@tlc/tenant-events';
import { signedUp, stateOf } from '../tenants/test-support/given.js';
import type { TenantDraft } from '../tenants/decide.js';
import { PoolError } from './pool-error.js';
import { canTakeStandby, decideRecordClaim, settleClaim } from './tenant-claim.js';

const SITE = 'standby-1a2b3c4d';
const tenantId = (signedUp.data as { tenantId: string }).tenantId;
const startedNewSite: TenantDraft = { type: 'StepStarted', data: { tenantId, step: 'new-site', attempt: 1, runnerId: 'r', leaseExpiresAt: '2099-01-01T00:00:00.000Z' } };
const claimDraft: TenantDraft = { type: 'StandbySiteClaimed', data: { tenantId, standbySite: SITE } };
const rec = (drafts: TenantDraft[]): RecordedEvent[] =>
  drafts.map((d, i) => ({ streamId: 't', eventId: `e${i}`, type: d.type, data: d.data, metadata: {}, revision: i, position: i + 1, recordedAt: '' }));

describe('a tenant taking a standby site', () => {
  it('only before its first step; the claim then counts new-site and every install-app as done', () => {
    expect(canTakeStandby(stateOf([signedUp]))).toBe(true);
    expect(canTakeStandby(stateOf([signedUp, startedNewSite]))).toBe(false);
    expect(canTakeStandby(stateOf([]))).toBe(false);
    expect(decideRecordClaim(stateOf([signedUp]), SITE)).toEqual([claimDraft]);
    const warm = stateOf([signedUp, claimDraft]);
    expect(warm).toMatchObject({ status: 'Provisioning', standbySite: SITE, siteMayExist: true });
    expect(warm.steps.filter((s) => s.status === 'pending').map((s) => s.key)).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
  });

  it('recording the same claim twice is a no-op; another site or a started tenant is refused', () => {
    expect(decideRecordClaim(stateOf([signedUp, claimDraft]), SITE)).toEqual([]);
    expect(() => decideRecordClaim(stateOf([signedUp, claimDraft]), 'standby-99999999')).toThrow(PoolError);
    expect(() => decideRecordClaim(stateOf([signedUp, startedNewSite]), SITE)).toThrow(PoolError);
  });

  it('settles an unrecorded claim one way: record while the tenant can take it, else return; a recorded one is in use', () => {
    expect(settleClaim(stateOf([signedUp]), rec([signedUp]), SITE)).toBe('record');
    expect(settleClaim(stateOf([signedUp, startedNewSite]), rec([signedUp, startedNewSite]), SITE)).toBe('return');
    expect(settleClaim(stateOf([]), [], SITE)).toBe('return');
    expect(settleClaim(stateOf([signedUp, claimDraft]), rec([signedUp, claimDraft]), SITE)).toBe('in-use');
    // Returned clean once, claimed again by the same tenant after a retry, not yet recorded the second time.
    expect(settleClaim(stateOf([signedUp]), rec([signedUp, claimDraft]), SITE, 2)).toBe('record');
  });

  it("claimsBy counts one tenant's claims of a site", () => {
    const ev = (type: string, t: string) => ({ type, data: { site: SITE, tenantId: t } }) as unknown as StandbyEvent;
    expect(claimsBy([ev('StandbyClaimed', 'a'), ev('StandbyReturned', 'a'), ev('StandbyClaimed', 'b'), ev('StandbyClaimed', 'a')], 'a')).toBe(2);
  });
});
