'use server';
/**
 * Signup and onboarding as server actions: they work with and without JavaScript. The form's
 * idempotency key travels in a hidden field, so a double submit (or a retry after a timeout)
 * makes one tenant. The password is checked, sent once to the provisioning service, and never
 * sent back to the page.
 */
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { config } from '../../lib/config';
import { createTenant, ProvisioningUnavailable, type Problem, type SignupBody } from '../../lib/provisioning';
import { encodeSession, readSession } from '../../lib/session';
import type { Field, FormState } from './form-state';
import { validateSignup } from './validate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : '';
};

const FIELD_OF: Record<string, Field> = {
  organization: 'organization',
  subdomain: 'subdomain',
  adminEmail: 'email',
  email: 'email',
  adminPassword: 'password',
  password: 'password',
};

function unavailableMessage(err: ProvisioningUnavailable): string {
  const seconds = Math.round(config().provisioningTimeoutMs / 1000);
  return err.reason === 'timeout'
    ? `Our site builder is slow to answer right now (no reply within ${seconds} seconds). Your details are still here; press "Create" again in a moment. If the first try did get through, you will not get a second site.`
    : 'We cannot reach our site builder right now. Your details are still here and nothing was created; please try again in a moment.';
}

/** Turns an API rejection into a message on the field it names, in plain words. */
function explain(p: Problem): { errors: FormState['errors']; formError?: string; sameBodyRetryable: boolean } {
  switch (p.code) {
    case 'TENANT.SUBDOMAIN_TAKEN':
      return { errors: { subdomain: `That subdomain is already taken. Please choose another one.` }, sameBodyRetryable: false };
    case 'TENANT.EMAIL_HAS_TENANT':
      // Only reached by a Google onboarding (a password signup shows "check your email" either
      // way): Google proved the address, so a site it has is one nobody confirmed yet.
      // A form-level message: the onboarding form has no email field to hang it on.
      return {
        errors: {},
        formError:
          'A signup with this email address is waiting for its confirmation email. If it was not you, ignore that email: an unconfirmed signup gives the address back once its link expires, and you can then create your site.',
        sameBodyRetryable: false,
      };
    case 'IDEMPOTENCY.IN_PROGRESS':
      return { errors: {}, formError: 'Your signup is still being recorded. Press "Create" again in a moment; you will not get a second site.', sameBodyRetryable: true };
    default:
      break;
  }
  if (p.status === 429) return { errors: {}, formError: 'Too many attempts from your network. Please wait a minute and try again.', sameBodyRetryable: true };
  if (p.status >= 500) return { errors: {}, formError: 'Something went wrong on our side. Your details are still here; please try again.', sameBodyRetryable: true };
  const field = typeof p.field === 'string' ? FIELD_OF[p.field] : undefined;
  const detail = p.detail ?? p.title ?? 'Please check this value.';
  if (field) return { errors: { [field]: detail }, sameBodyRetryable: false };
  return { errors: {}, formError: detail, sameBodyRetryable: false };
}

async function submit(kind: 'password' | 'google', prev: FormState, fd: FormData): Promise<FormState> {
  const session = kind === 'google' ? await readSession() : null;
  const values = {
    organization: text(fd, 'organization').trim(),
    subdomain: text(fd, 'subdomain').trim().toLowerCase(),
    email: kind === 'google' ? (session?.email ?? '') : text(fd, 'email').trim().toLowerCase(),
  };
  const password = text(fd, 'password');
  const submittedKey = text(fd, 'idempotencyKey');
  const key = UUID.test(submittedKey) ? submittedKey : randomUUID();
  if (kind === 'google' && !session?.email) redirect('/login?callbackUrl=/onboarding');

  const errors = validateSignup({ ...values, password }, kind === 'password');
  if (Object.keys(errors).length > 0) return { values, errors, idempotencyKey: key };

  const body: SignupBody =
    kind === 'password'
      ? { organization: values.organization, subdomain: values.subdomain, adminEmail: values.email, adminPassword: password }
      : { organization: values.organization, subdomain: values.subdomain, adminEmail: values.email, identityProvider: 'google' };
  let tenant: { tenantId: string; subdomain: string };
  try {
    const res = await createTenant(body, key);
    // A password signup answers the same whether the address was free or already had a site
    // (its owner gets a note by email instead): nothing here tells a stranger who owns what.
    // Nobody is signed in until the address is proven by the link sent to it.
    if (kind === 'password' && (res.ok || res.problem.code === 'TENANT.EMAIL_HAS_TENANT')) {
      redirect(`/signup/check-email?email=${encodeURIComponent(values.email)}`);
    }
    if (!res.ok) {
      const e = explain(res.problem);
      // A different body under the same key would be refused (422): a corrected form gets a new key.
      return { values, errors: e.errors, formError: e.formError, idempotencyKey: e.sameBodyRetryable ? key : randomUUID() };
    }
    tenant = res.body;
  } catch (err) {
    unstable_rethrow(err); // the redirect above is Next's signal, not a failure
    if (err instanceof ProvisioningUnavailable) return { values, errors: {}, formError: unavailableMessage(err), idempotencyKey: key };
    throw err;
  }
  const cookie = await encodeSession({
    ...(session ?? {}),
    email: values.email,
    sub: session?.sub ?? tenant.tenantId,
    idp: kind,
    tenantId: tenant.tenantId,
    subdomain: tenant.subdomain,
  });
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(`/signup/${tenant.tenantId}`);
}

export async function signupAction(prev: FormState, fd: FormData): Promise<FormState> {
  return submit('password', prev, fd);
}

export async function onboardingAction(prev: FormState, fd: FormData): Promise<FormState> {
  return submit('google', prev, fd);
}
