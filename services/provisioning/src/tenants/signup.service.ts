/**
 * Signup: reserve the admin email, reserve the subdomain, then record SignupRequested. Each
 * reservation is a `no_stream` append, so of racing signups for one name exactly one wins.
 * A failure after a reservation releases it; a crash leaves an orphan that the next signup
 * for that name recovers once the grace period has passed.
 */
import { Inject, Injectable } from '@nestjs/common';
import { BUILDING_STATUSES, checkSubdomain, normalizeEmail, subdomainStream, type Actor, type TenantState } from '@tlc/tenant-events';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { SIGNUP_DEADLINE_MS } from '../reservations/reservation-state.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { DomainError } from '../shared/domain-error.js';
import { newId, uuidV5 } from '../shared/ids.js';
import type { CommandMetadata, TenantCommand } from './commands.js';
import { TenantCommandService } from './tenant-command.service.js';
import { TenantRepository } from './tenant-repository.js';

export interface SignupInput {
  readonly organization: string;
  readonly subdomain: string;
  readonly adminEmail: string;
  readonly identityProvider: 'password' | 'google';
  readonly adminPassword?: string;
}

export interface SignupContext {
  readonly correlationId: string;
  readonly actor: Actor;
  /**
   * The request's identity (its Idempotency-Key with its body's fingerprint). A retry of a
   * request whose answer was lost to a crash gets the same tenant id, so it finds its own holds
   * (and its own tenant, if that was recorded) instead of a 409 for the name it took itself.
   */
  readonly requestKey?: string;
  /**
   * With requestKey: whether this attempt still holds the request's claim. Another attempt of the
   * same request (which took the claim over) works under the same tenant id, so a failing attempt
   * that lost the claim must not release the holds or destroy the key that one relies on.
   */
  readonly stillOwner?: () => Promise<boolean>;
  /** Injected clock, so tests can exercise the orphan rules. */
  readonly now?: () => Date;
}

export interface SignupOutcome {
  readonly tenantId: string;
  readonly subdomain: string;
  readonly state: TenantState;
  /** True when this was the same person's signup still running: no new tenant was made. */
  readonly existing: boolean;
}

const RUNNING: ReadonlySet<string> = BUILDING_STATUSES;

@Injectable()
export class SignupService {
  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    private readonly reservations: ReservationsService,
    private readonly secrets: SecretsService,
    private readonly commands: TenantCommandService,
    private readonly tenants: TenantRepository,
  ) {}

  async signup(input: SignupInput, ctx: SignupContext): Promise<SignupOutcome> {
    const clock = ctx.now ?? (() => new Date());
    const sub = checkSubdomain(input.subdomain);
    if (!sub.ok) throw new DomainError(sub.code, sub.message, { field: 'subdomain' });
    const subdomain = sub.subdomain;
    const email = normalizeEmail(input.adminEmail);
    const meta = (): CommandMetadata => ({ commandId, correlationId: ctx.correlationId, causationId: ctx.correlationId, actor: ctx.actor, now: clock().toISOString() });
    const commandId = newId();

    const same = await this.sameSignupRunning(input, subdomain, email, clock().toISOString());
    if (same) return same;

    const tenantId = ctx.requestKey ? uuidV5(`signup:${ctx.requestKey}`) : newId();
    if (ctx.requestKey) {
      // Recorded by an attempt whose answer was lost: that tenant is the answer, before any work
      // (sealing would make a new key for a tenant whose key may have been destroyed).
      const earlier = await this.earlierAttempt(tenantId, subdomain);
      if (earlier) return earlier;
    }
    // The slow work (scrypt, key creation) happens before we hold any name.
    const password = input.identityProvider === 'password' ? (input.adminPassword ?? '') : undefined;
    const [adminPasswordHash, adminPassword] = password === undefined ? [undefined, undefined] : await Promise.all([this.secrets.hashPassword(password), this.secrets.seal(tenantId, password)]);

    const emailTarget = this.reservations.email(email, subdomain);
    const subTarget = this.reservations.subdomain(subdomain);
    const started = clock().getTime();
    try {
      // The subdomain first: its availability is public anyway, and a taken one is refused
      // before anything looks at the email, so the answer never depends on whether the email
      // has a site (no enumeration oracle through a taken name).
      const name = await this.reservations.reserve(subTarget, tenantId, meta());
      if (!name.ok) throw new DomainError('TENANT.SUBDOMAIN_TAKEN', `The subdomain "${subdomain}" is already taken.`, { field: 'subdomain' });
      const mail = await this.reservations.reserve(emailTarget, tenantId, meta());
      if (!mail.ok) {
        if (mail.holder.exists && mail.holder.subdomain === subdomain && RUNNING.has(mail.holder.status) && (await this.samePerson(input, mail.holder))) {
          // Give back what this attempt took (the subdomain hold, the key made for a tenant we do not create).
          await this.undo(tenantId, subdomain, email, meta());
          return { tenantId: mail.holder.tenantId, subdomain, state: mail.holder, existing: true };
        }
        if (mail.holder.exists) {
          if (unconfirmedPastWindow(mail.holder, clock(), this.config.email.verificationTtlMs)) await this.expire(mail.holder.tenantId, meta());
          else await this.noteAttempt(mail.holder.tenantId, meta());
        }
        throw emailTaken(mail.holder);
      }
      if (clock().getTime() - started > SIGNUP_DEADLINE_MS) {
        throw new DomainError('TENANT.SIGNUP_TIMED_OUT', 'The signup took too long and was abandoned; please try again.');
      }
      const recorded = await this.record(tenantId, subdomain, {
        type: 'RequestSignup',
        data: {
          tenantId,
          organization: input.organization.trim(),
          subdomain,
          siteName: `${subdomain}.${this.config.rootDomain}`,
          adminEmail: email,
          identityProvider: input.identityProvider,
          apps: this.config.apps,
          ...(adminPassword ? { adminPassword, adminPasswordHash } : {}),
          // The web signs a Google user in before onboarding: Google proved the address.
          emailVerification: input.identityProvider === 'google' ? 'proven-by-idp' : 'pending',
        },
        metadata: meta(),
      });
      if (recorded) return recorded;
      throw new DomainError('TENANT.ALREADY_EXISTS', 'This signup was already recorded.');
    } catch (e) {
      if (!ctx.stillOwner || (await ctx.stillOwner())) await this.undo(tenantId, subdomain, email, meta());
      throw e;
    }
  }

  /**
   * The tenant an earlier attempt of the same request recorded, if any. Still building or Active:
   * that is the answer. Ended (rolled back, broken, deprovisioned): the request's key is spent.
   */
  private async earlierAttempt(tenantId: string, subdomain: string): Promise<SignupOutcome | undefined> {
    const { state } = await this.tenants.load(tenantId);
    if (!state.exists) return undefined;
    if (state.subdomain === subdomain && (RUNNING.has(state.status) || state.status === 'Active')) return { tenantId, subdomain, state, existing: true };
    throw new DomainError('TENANT.ALREADY_EXISTS', `This request was recorded earlier and its signup has since ended (${state.status}); send a new Idempotency-Key to sign up again.`);
  }

  /**
   * Records the signup. An attempt of the same request that recorded it meanwhile (same key and
   * body, so the same id) is the answer; undefined when the id is taken by anything else.
   */
  private async record(tenantId: string, subdomain: string, command: TenantCommand): Promise<SignupOutcome | undefined> {
    try {
      const result = await this.commands.handle(command);
      return { tenantId, subdomain, state: result.state, existing: false };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'TENANT.ALREADY_EXISTS')) throw e;
      return this.earlierAttempt(tenantId, subdomain);
    }
  }

  private async sameSignupRunning(input: SignupInput, subdomain: string, email: string, now: string): Promise<SignupOutcome | undefined> {
    const held = await this.reservations.holderOf(subdomainStream(subdomain), now);
    if (held && held.verdict === 'live' && held.state.adminEmail === email && RUNNING.has(held.state.status) && (await this.samePerson(input, held.state))) {
      return { tenantId: held.state.tenantId, subdomain, state: held.state, existing: true };
    }
    return undefined;
  }

  /**
   * "The same person's signup, still running" (a double click, a retry with a new key) is
   * handed back only to someone who proves what the first signup proved: the same identity
   * provider, and for a password signup the same password. An email and a subdomain are no
   * proof (anyone can type them): a Google user must never be handed a tenant someone else
   * made with a password under their address, and a stranger must not learn from the answer
   * which subdomain an address holds.
   */
  private async samePerson(input: SignupInput, holder: TenantState): Promise<boolean> {
    if (input.identityProvider !== holder.identityProvider) return false;
    if (input.identityProvider === 'google') return holder.emailVerification === 'proven-by-idp';
    return holder.adminPasswordHash !== undefined && this.secrets.verifyPassword(input.adminPassword ?? '', holder.adminPasswordHash);
  }

  /**
   * A signup whose address nobody confirmed within the link's lifetime gives the address back
   * when someone else wants it: it is deprovisioned (the process manager drops its site, then
   * its names are released), so whoever owns the address can have a site after all. A
   * pre-hijacking attempt thus blocks its victim for at most EMAIL_VERIFICATION_TTL_HOURS.
   */
  private async expire(tenantId: string, metadata: CommandMetadata): Promise<void> {
    await this.commands.handle({
      type: 'RequestDeprovision',
      data: { tenantId, reason: 'The admin email was never confirmed.' },
      metadata: { ...metadata, commandId: newId(), actor: { kind: 'system', id: 'signup:unconfirmed-email-expiry' } },
    });
  }

  /** Tells the email's owner (through the outbox) instead of telling the anonymous caller. */
  private async noteAttempt(tenantId: string, metadata: CommandMetadata): Promise<void> {
    await this.commands.handle({ type: 'NoteSignupAttempt', data: { tenantId }, metadata: { ...metadata, commandId: newId() } });
  }

  private async undo(tenantId: string, subdomain: string, email: string, meta: CommandMetadata): Promise<void> {
    // If the signup was recorded after all (e.g. the reply was lost), its holds are real.
    if ((await this.tenants.load(tenantId)).state.exists) return;
    await this.reservations.release(this.reservations.subdomain(subdomain), tenantId, meta);
    await this.reservations.release(this.reservations.email(email, subdomain), tenantId, meta);
    await this.secrets.destroyKey(tenantId);
  }
}

/** Only settled tenants: one still provisioning is deprovisioned once it settles, on a later attempt. */
const EXPIRABLE = new Set(['Active', 'Suspended', 'RolledBack', 'Broken']);
function unconfirmedPastWindow(holder: TenantState, now: Date, ttlMs: number): boolean {
  const created = Date.parse(holder.createdAt ?? '');
  return !holder.emailVerified && EXPIRABLE.has(holder.status) && Number.isFinite(created) && now.getTime() - created > ttlMs;
}

function emailTaken(holder: TenantState): DomainError {
  if (!holder.exists) {
    return new DomainError('TENANT.EMAIL_HAS_TENANT', 'Another signup with this email address is being recorded right now; try again in a minute.', { field: 'adminEmail' });
  }
  // Which site it owns is the owner's to know: they get a note by email (ExistingAccountSignupAttempted).
  return new DomainError('TENANT.EMAIL_HAS_TENANT', 'This email address already has a site; its owner has been sent a note.', { field: 'adminEmail' });
}
