/**
 * Prometheus metrics in a registry of this app's own (several apps may live in one test
 * process). HTTP timings come from a Fastify hook labelled by route template, never by raw URL.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly signups = new Histogram({
    name: 'provisioning_signup_duration_seconds',
    help: 'Signup handling time by outcome',
    labelNames: ['outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'provisioning_commands_total',
    help: 'Tenant commands by type and outcome',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });

  /** Outbox outcomes by message kind: MailSent, MailFailed, MailDeadLettered, MailSkipped. */
  readonly emails = new Counter({
    name: 'provisioning_emails_total',
    help: 'Emails the outbox recorded, by kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'provisioning_' });
  }

  /**
   * The labelled child per method/route/status, kept: resolving labels costs a few µs per
   * request (prom-client hashes them each time), a measurable share of a lookup (bench B3).
   * Route templates and statuses are few, so the map stays small.
   */
  private readonly httpChildren = new Map<string, { observe(v: number): void }>();

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let child = this.httpChildren.get(key);
    if (!child) {
      child = this.httpDuration.labels(method, route, String(status));
      this.httpChildren.set(key, child);
    }
    child.observe(seconds);
  }

  signupTimer(): (outcome: string) => void {
    const end = this.signups.startTimer();
    return (outcome) => end({ outcome });
  }
}
