/**
 * Which recorded events send which email (pure). The outbox asks this of every event in the
 * log; one event sends at most one message, identified by the event's id, which is what makes
 * "exactly once per event" checkable (see mail-state.ts).
 */
import { tenantIdFromStream, upcast, type TenantEvent } from '@tlc/tenant-events';
import type { RecordedEvent } from '@tlc/event-store';

export type MailKind = 'verify-email' | 'existing-account' | 'site-ready' | 'could-not-build' | 'taking-longer' | 'tenant-broken';

export interface MailIntent {
  readonly kind: MailKind;
  /** The event that asked for the message: its id names the message and its outbox stream. */
  readonly eventId: string;
  readonly tenantId: string;
  readonly occurredAt: string;
  readonly position: number;
}

function kindOf(event: TenantEvent): MailKind | undefined {
  switch (event.type) {
    case 'SignupRequested':
      return event.data.emailVerification === 'pending' ? 'verify-email' : undefined;
    case 'VerificationEmailRequested':
      return 'verify-email';
    case 'ExistingAccountSignupAttempted':
      return 'existing-account';
    case 'TenantActivated':
      return 'site-ready';
    case 'RolledBack':
      return 'could-not-build';
    case 'TenantBroken':
      return 'tenant-broken';
    case 'ProvisioningSlow':
      return 'taking-longer';
    default:
      return undefined;
  }
}

const TRIGGERS = new Set(['SignupRequested', 'VerificationEmailRequested', 'ExistingAccountSignupAttempted', 'TenantActivated', 'RolledBack', 'TenantBroken', 'ProvisioningSlow']);

export function mailIntentFor(e: RecordedEvent): MailIntent | undefined {
  if (!TRIGGERS.has(e.type)) return undefined;
  const tenantId = tenantIdFromStream(e.streamId);
  if (!tenantId) return undefined;
  const kind = kindOf(upcast<TenantEvent>(e));
  if (!kind) return undefined;
  const occurredAt = typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : e.recordedAt;
  return { kind, eventId: e.eventId, tenantId, occurredAt, position: e.position };
}
