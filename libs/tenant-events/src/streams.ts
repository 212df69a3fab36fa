import { createHash } from 'node:crypto';

/** Stream naming is part of the contract between writers, projections and auditors. */
export const tenantStream = (tenantId: string): string => `tenant-${tenantId}`;
export const subdomainStream = (subdomain: string): string => `subdomain-${subdomain}`;
/** The email is hashed so the stream name (visible in logs and tooling) carries no address. */
export const adminEmailStream = (normalizedEmail: string): string => `admin-email-${emailHash(normalizedEmail)}`;
export const emailHash = (normalizedEmail: string): string => createHash('sha256').update(normalizedEmail, 'utf8').digest('hex');

export const TENANT_STREAM_PREFIX = 'tenant-';
export const tenantIdFromStream = (stream: string): string | undefined => (stream.startsWith(TENANT_STREAM_PREFIX) ? stream.slice(TENANT_STREAM_PREFIX.length) : undefined);

/** Trim + lowercase; the one normalisation every reader and writer applies to emails. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
