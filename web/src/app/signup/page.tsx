import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { config } from '../../lib/config';
import { TopBar } from '../components/top-bar';
import { signupAction } from './actions';
import type { FormState } from './form-state';
import { SignupForm } from './signup-form';

export const dynamic = 'force-dynamic';

export default function SignupPage() {
  const cfg = config();
  // A fresh idempotency key per form render: a double submit of this form makes one tenant.
  const initial: FormState = { values: { organization: '', subdomain: '', email: '' }, errors: {}, idempotencyKey: randomUUID() };
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          <h1>Create your ERP site</h1>
          <SignupForm action={signupAction} initial={initial} rootDomain={cfg.rootDomain} withCredentials />
          {cfg.google ? (
            <>
              <p className="or">or</p>
              <Link className="button secondary" href="/login?provider=google">
                Continue with Google
              </Link>
            </>
          ) : null}
          <p className="muted">
            Already have a site? <Link href="/login">Sign in</Link>.
          </p>
        </div>
      </main>
    </>
  );
}
