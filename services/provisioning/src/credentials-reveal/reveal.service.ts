/**
 * Reveal-once: opens a sealed credential (the API secret from ApiKeysIssued, a Google sign-up's
 * generated desk password from AdminConfigured) for the tenant's signed-in owner, and records
 * CredentialRevealed through the tenant command handler before answering. Opening comes first, so
 * a destroyed key fails without using up the one reveal; recording comes before the answer, so
 * two reveals at once (two tabs, two instances) meet at the stream's revision and only one of
 * them gets the value. The value never reaches a log, an event or the read model.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@tlc/event-store';
import type { RevealableCredential, SealedSecret, TenantState } from '@tlc/tenant-events';
import type { CommandMetadata } from '../tenants/commands.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { DomainError } from '../shared/domain-error.js';
import { TenantCommandService } from '../tenants/tenant-command.service.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { decideReveal } from './decide-reveal.js';
import type { CredentialsOverview, CredentialStateName, RevealedAdminPassword, RevealedApiSecret } from './dto.js';

const ISSUED_BY: Record<RevealableCredential, { types: readonly string[]; field: string }> = {
  'api-secret': { types: ['ApiKeysIssued', 'ApiSecretRotated'], field: 'apiSecret' },
  'admin-password': { types: ['AdminConfigured'], field: 'generatedPassword' },
};

/** The event whose sealed value is current before `below` (a retried build issues new ones, a rotation a new secret). */
function issuing(recorded: readonly RecordedEvent[], credential: RevealableCredential, below = Infinity): RecordedEvent | undefined {
  const { types } = ISSUED_BY[credential];
  for (let i = recorded.length - 1; i >= 0; i--) {
    if (recorded[i].revision >= below) continue;
    if (recorded[i].type === 'ProvisioningRetried') return undefined;
    if (types.includes(recorded[i].type)) return recorded[i];
  }
  return undefined;
}

/** The sealed value the latest issuing event carries. */
export function sealedValue(recorded: readonly RecordedEvent[], credential: RevealableCredential, below = Infinity): SealedSecret | undefined {
  const e = issuing(recorded, credential, below);
  return e ? ((e.data as Record<string, unknown>)[ISSUED_BY[credential].field] as SealedSecret | undefined) : undefined;
}

function stateOf(state: TenantState, recorded: readonly RecordedEvent[], credential: RevealableCredential): CredentialStateName {
  if (state.status !== 'Active' || !sealedValue(recorded, credential)) return 'not-issued';
  return state.revealed?.includes(credential) ? 'revealed' : 'available';
}

@Injectable()
export class RevealService {
  constructor(
    @Inject(TenantRepository) private readonly tenants: TenantRepository,
    @Inject(TenantCommandService) private readonly commands: TenantCommandService,
    @Inject(SecretsService) private readonly secrets: SecretsService,
  ) {}

  private async load(tenantId: string) {
    const loaded = await this.tenants.load(tenantId);
    if (!loaded.state.exists) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${tenantId}".`, { field: 'id' });
    return loaded;
  }

  async overview(tenantId: string): Promise<CredentialsOverview> {
    const { state, recorded } = await this.load(tenantId);
    return {
      tenantId,
      deskLogin: state.adminEmail,
      identityProvider: state.identityProvider,
      apiKey: state.status === 'Active' ? (state.apiKey ?? null) : null,
      apiSecret: stateOf(state, recorded, 'api-secret'),
      adminPassword: stateOf(state, recorded, 'admin-password'),
    };
  }

  async reveal(tenantId: string, credential: RevealableCredential, meta: CommandMetadata): Promise<RevealedApiSecret | RevealedAdminPassword> {
    const { state, recorded } = await this.load(tenantId);
    const command = { type: 'RevealCredential' as const, data: { tenantId, credential }, metadata: meta };
    decideReveal(command, state); // says why not (not active, shown already, nothing generated) before anything is opened
    const opened = issuing(recorded, credential);
    const sealed = sealedValue(recorded, credential);
    if (!opened || !sealed) throw new DomainError('CREDENTIALS.NOT_AVAILABLE', 'There is no such credential to show for this site.', { field: 'credential' });
    let plaintext = await this.secrets.open(sealed);
    // Decided again at the stream's current revision: of two reveals at once, the second is refused here.
    const result = await this.commands.handle(command);
    if (result.events.length === 0) throw new DomainError('CREDENTIALS.ALREADY_REVEALED', 'It was shown once already; rotate it to get a new one.', { field: 'credential' });
    if (result.state.revision !== state.revision + 1) {
      // Others appended in between: if a rotation was among them, what was recorded as shown is its secret.
      const now = await this.tenants.load(tenantId);
      const current = issuing(now.recorded, credential, result.state.revision);
      if (current && current.eventId !== opened.eventId) plaintext = await this.secrets.open(sealedValue(now.recorded, credential, result.state.revision)!);
    }
    return credential === 'api-secret' ? { credential, apiKey: result.state.apiKey ?? '', apiSecret: plaintext } : { credential, login: state.adminEmail, password: plaintext };
  }
}
