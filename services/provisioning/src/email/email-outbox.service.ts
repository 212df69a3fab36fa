/**
 * The email outbox. A checkpointed subscription to the whole log finds the events that send
 * mail (mail-intents.ts); each message then goes through its own stream (mail-state.ts): claim
 * at the revision seen, send, record the outcome at the claim's revision. So every instance can
 * run it: one sends, the others wait out its lease. The checkpoint never passes a message that
 * is not settled (sent, skipped or dead-lettered), so a crash loses none; the stream's record
 * keeps a restart from sending one twice.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent, type Subscription } from '@tlc/event-store';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE, LOGGER } from '../config/tokens.js';
import { loadCheckpoint, saveCheckpoint } from '../process-manager/checkpoint.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { newId } from '../shared/ids.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { readStreamOrEmpty } from '../tenants/tenant-repository.js';
import { mailIntentFor, type MailIntent } from './mail-intents.js';
import { afterAttempt, defaultBackoff, evolveMail, initialMailState, mailStream, nextMailStep, type MailEvent, type MailPolicy, type MailState } from './mail-state.js';
import { mailError, SmtpMailer, type Mailer } from './mailer.js';
import { renderMail } from './templates.js';
import { SlowBuildWatch } from './slow-builds.js';
import { VerificationTokens } from './verification-token.js';

export const OUTBOX_CHECKPOINT = 'email-outbox';
const TICK_MS = 500;
/** A replay after a crash re-reads at most this much of the log (settled messages are not re-sent). */
const CHECKPOINT_EVERY_MS = 2_000;
/** How often builds are checked against their expected time (slow-builds.ts). */
const SLOW_CHECK_MS = 2_000;

@Injectable()
export class EmailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runnerId = `outbox-${newId()}`;
  private readonly pending = new Map<string, { intent: MailIntent; dueAt: number }>();
  private readonly tokens: VerificationTokens;
  private readonly policy: MailPolicy;
  private mailer?: Mailer;
  private subscription?: Subscription;
  private position?: number;
  private savedPosition?: number;
  private timer?: NodeJS.Timeout;
  private slowTimer?: NodeJS.Timeout;
  private working = false;
  private lastSave = 0;
  private stopping = false;

  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TenantRepository) private readonly tenants: TenantRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(SlowBuildWatch) private readonly slow: SlowBuildWatch,
  ) {
    this.tokens = new VerificationTokens(config.secretsKey);
    this.policy = { leaseMs: 60_000, maxAttempts: config.email.maxAttempts, backoffMs: defaultBackoff };
  }

  /** The link a verification email carries for this intent (same link every time it is made). */
  verifyUrl(intent: MailIntent, email: string): string {
    const expires = new Date(Date.parse(intent.occurredAt) + this.config.email.verificationTtlMs);
    return `${this.config.email.webUrl}/verify-email?token=${this.tokens.make(intent.tenantId, email, expires)}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const smtpUrl = this.config.email.smtpUrl;
    if (!smtpUrl) {
      this.logger.warn('SMTP_URL is not set: no email is sent (password signups cannot verify their address)');
      return;
    }
    this.mailer = new SmtpMailer(smtpUrl, this.config.email.from);
    const checkpoint = await loadCheckpoint(this.store, OUTBOX_CHECKPOINT);
    const saved = checkpoint.position;
    this.slow.restore(checkpoint.inFlight);
    if (saved === undefined) {
      // First start against this store: mail is for what happens from now on, not a replay of
      // every activation in an existing log.
      this.position = await this.store.headPosition();
      await saveCheckpoint(this.store, OUTBOX_CHECKPOINT, { position: this.position, inFlight: [] });
    } else {
      this.position = saved;
    }
    this.savedPosition = this.position;
    void this.follow();
    this.timer = setInterval(() => void this.drain(), TICK_MS);
    if (this.slow.enabled) this.slowTimer = setInterval(() => void this.slow.check(), SLOW_CHECK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.slowTimer) clearInterval(this.slowTimer);
    await this.subscription?.stop().catch(() => undefined);
    await this.checkpoint(true).catch(() => undefined);
    this.mailer?.close();
  }

  private async follow(): Promise<void> {
    while (!this.stopping) {
      try {
        this.subscription = this.store.subscribeToAll({ fromPosition: this.position });
        for await (const batch of this.subscription) {
          for (const e of batch.events) this.observe(e);
          void this.drain();
          await this.checkpoint();
        }
      } catch (e) {
        if (this.stopping) return;
        this.logger.warn({ err: (e as Error).message }, 'email outbox subscription failed; resuming from the checkpoint');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private observe(e: RecordedEvent): void {
    // Checkpoint records (ours and the process manager's) move nothing: counting them would make
    // each save a new event to save a checkpoint for.
    if (e.streamId.startsWith('pm-checkpoint-')) return;
    this.position = e.position;
    this.slow.observe(e);
    const intent = mailIntentFor(e);
    if (intent && !this.pending.has(intent.eventId)) this.pending.set(intent.eventId, { intent, dueAt: 0 });
  }

  /** Everything at or below the saved position is settled: the oldest unsettled message bounds it. */
  private async checkpoint(force = false): Promise<void> {
    if (!force && Date.now() - this.lastSave < CHECKPOINT_EVERY_MS) return;
    let safe = this.position;
    for (const { intent } of this.pending.values()) if (safe === undefined || intent.position - 1 < safe) safe = intent.position - 1;
    if (safe === undefined || safe === this.savedPosition) return;
    this.lastSave = Date.now();
    // The builds being watched ride along: a restart watches them again without a replay.
    await saveCheckpoint(this.store, OUTBOX_CHECKPOINT, { position: safe, inFlight: this.slow.inFlight() });
    this.savedPosition = safe;
  }

  private async drain(): Promise<void> {
    if (this.working || this.stopping) return;
    this.working = true;
    try {
      const due = [...this.pending.values()].filter((p) => p.dueAt <= Date.now()).sort((a, b) => a.intent.position - b.intent.position);
      for (const item of due) {
        if (this.stopping) break;
        const until = await this.deliver(item.intent).catch((e: Error) => {
          this.logger.warn({ eventId: item.intent.eventId, err: e.message }, 'email outbox: will look again');
          return Date.now() + 5_000;
        });
        if (until === 'settled') this.pending.delete(item.intent.eventId);
        else item.dueAt = until;
      }
      if (due.length > 0) await this.checkpoint();
    } finally {
      this.working = false;
    }
  }

  /** One message through its stream: 'settled', or when to look again. */
  private async deliver(intent: MailIntent): Promise<'settled' | number> {
    const stream = mailStream(intent.eventId);
    for (let round = 0; round < 5; round++) {
      const state = (await readStreamOrEmpty(this.store, stream)).reduce<MailState>((s, e) => evolveMail(s, e as unknown as MailEvent), initialMailState);
      const step = nextMailStep(state, Date.now());
      if (step.kind === 'settled') return 'settled';
      if (step.kind === 'wait') return step.until;
      const claimed: MailEvent = {
        type: 'MailClaimed',
        data: { kind: intent.kind, runnerId: this.runnerId, attempt: step.attempt, leaseUntil: new Date(Date.now() + this.policy.leaseMs).toISOString() },
      };
      let revision: number;
      try {
        revision = (await this.append(stream, claimed, intent, step.expected)).nextExpectedRevision;
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError) continue; // another instance moved first: look again
        throw e;
      }
      const outcome = await this.attempt(intent);
      const record: MailEvent = outcome === 'skip' ? { type: 'MailSkipped', data: { reason: 'no longer applies' } } : afterAttempt(step.attempt, outcome, Date.now(), this.policy);
      try {
        await this.append(stream, record, intent, revision);
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError) continue; // our lease ran out and someone took over
        throw e;
      }
      this.metrics.emails.labels(intent.kind, record.type).inc();
      const level = record.type === 'MailDeadLettered' ? 'error' : record.type === 'MailFailed' ? 'warn' : 'info';
      this.logger[level]({ eventId: intent.eventId, tenantId: intent.tenantId, kind: intent.kind, outcome: record.type, attempt: step.attempt }, 'email outbox');
      return record.type === 'MailFailed' ? Date.parse(record.data.retryAt) : 'settled';
    }
    return Date.now() + 1_000;
  }

  private async attempt(intent: MailIntent): Promise<'skip' | { ok: true; messageId: string } | { ok: false; error: string }> {
    const { state } = await this.tenants.load(intent.tenantId);
    const email = this.config.email;
    const rendered = renderMail(intent.kind, state, {
      webUrl: email.webUrl,
      opsEmails: email.opsEmails,
      verifyTtlHours: email.verificationTtlMs / 3_600_000,
      verifyUrl: intent.kind === 'verify-email' ? this.verifyUrl(intent, state.adminEmail) : undefined,
    });
    if (!rendered || rendered.to.length === 0) return 'skip';
    const messageId = `<${intent.eventId}@${this.config.rootDomain}>`;
    try {
      await this.mailer!.send({ ...rendered, messageId });
      return { ok: true, messageId };
    } catch (e) {
      return { ok: false, error: mailError(e) };
    }
  }

  private append(stream: string, e: MailEvent, intent: MailIntent, expected: number | 'no_stream') {
    return this.store.append(
      stream,
      [
        {
          type: e.type,
          data: e.data,
          metadata: { eventId: newId(), correlationId: intent.eventId, causationId: intent.eventId, occurredAt: new Date().toISOString(), schemaVersion: 1 },
        },
      ],
      expected,
    );
  }
}
