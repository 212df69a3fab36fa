/**
 * The form's own checks, the same rules the API applies (subdomain rules are the shared
 * `checkSubdomain`), so a person sees the rule before a round trip. The API stays the judge.
 */
import { checkSubdomain } from '@tlc/tenant-events/subdomain';
import type { Field } from './form-state';

export const ORGANIZATION_MAX = 140;
export const PASSWORD_MIN = 10;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

export function validateSignup(v: { organization: string; subdomain: string; email?: string; password?: string }, withCredentials: boolean): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const org = v.organization.trim();
  if (org.length === 0) errors.organization = 'Tell us the name of your organization.';
  else if (org.length > ORGANIZATION_MAX) errors.organization = `An organization name can have at most ${ORGANIZATION_MAX} characters.`;
  const sub = checkSubdomain(v.subdomain);
  if (!sub.ok) errors.subdomain = sub.message;
  if (withCredentials) {
    const email = (v.email ?? '').trim();
    if (email.length === 0) errors.email = 'Enter the email address you will sign in with.';
    else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'That does not look like an email address (name@example.com).';
    if ((v.password ?? '').length < PASSWORD_MIN) errors.password = `A password needs at least ${PASSWORD_MIN} characters.`;
  }
  return errors;
}
