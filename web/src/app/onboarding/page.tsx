import { randomUUID } from 'node:crypto';
import { redirect } from 'next/navigation';
import { config } from '../../lib/config';
import { readSession } from '../../lib/session';
import { onboardingAction } from '../signup/actions';
import type { FormState } from '../signup/form-state';
import { SignupForm } from '../signup/signup-form';
import { TopBar } from '../components/top-bar';

export const dynamic = 'force-dynamic';

/** A Google user without a tenant picks an organization and a subdomain; the email is Google's. */
export default async function OnboardingPage() {
  const session = await readSession();
  if (!session?.email) redirect('/login?callbackUrl=%2Fonboarding');
  if (session.tenantId) redirect('/auth/continue');
  const initial: FormState = { values: { organization: '', subdomain: '', email: session.email }, errors: {}, idempotencyKey: randomUUID() };
  return (
    <>
      <TopBar email={session.email} />
      <main id="main">
        <div className="card">
          <h1>Set up your site</h1>
          <p>
            You are signed in as <strong>{session.email}</strong>. Choose a name for your organization and your site&apos;s address.
          </p>
          <SignupForm action={onboardingAction} initial={initial} rootDomain={config().rootDomain} withCredentials={false} />
        </div>
      </main>
    </>
  );
}
