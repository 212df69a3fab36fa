/**
 * Who may use the operations console: a signed-in person whose email is in OPS_EMAILS. The email
 * in the session is proven (a password sign-in only succeeds for a confirmed address, a Google
 * one only with `email_verified`; see lib/auth.ts). Everyone else, signed in or not, gets the
 * same 404 as any unknown page: the console's existence is not advertised. Every page, action
 * and route handler under /ops calls `requireOperator` itself (layouts do not run for actions,
 * route handlers or client-side navigations).
 */
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { config } from '../config';
import { readSession } from '../session';
import { operatorEmail } from './operator-email';

export interface Operator {
  readonly email: string;
}

/** The operator on this request, or a 404 (never a 403). Only on the apex host. */
export async function requireOperator(): Promise<Operator> {
  const onApex = (await headers()).get('x-tlc-host') === 'apex';
  const email = onApex ? operatorEmail(await readSession(), config().opsEmails) : null;
  if (!email) notFound();
  return { email };
}
