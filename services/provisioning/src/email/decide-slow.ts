/**
 * "Taking longer" is decided like any other tenant fact (pure): the watch (slow-builds.ts) says
 * which multiple of the expected time a build has passed; the tenant stream records each
 * multiple once per provisioning attempt. A build that ended meanwhile, or a multiple already
 * recorded (another instance, a repeat after a crash), records nothing.
 */
import { BUILDING_STATUSES, type TenantState } from '@tlc/tenant-events';
import type { NoteProvisioningSlow } from '../tenants/commands.js';
import type { TenantDraft } from '../tenants/drafts.js';

export const BUILDING: ReadonlySet<string> = BUILDING_STATUSES;

export function decideNoteSlow(command: NoteProvisioningSlow, state: TenantState): TenantDraft[] {
  const d = command.data;
  if (!BUILDING.has(state.status) || d.provisioningAttempt !== state.provisioningAttempt) return [];
  if (state.slow?.attempt === d.provisioningAttempt && state.slow.multiple >= d.multiple) return [];
  return [
    {
      type: 'ProvisioningSlow',
      data: { tenantId: state.tenantId, provisioningAttempt: d.provisioningAttempt, multiple: d.multiple, expectedMs: d.expectedMs, elapsedMs: d.elapsedMs },
    },
  ];
}
