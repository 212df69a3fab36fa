import { config } from '../../lib/config';
import { TopBar } from '../components/top-bar';

/**
 * 403 for a signed-in person on a tenant host that is not theirs. Deliberately shows nothing of
 * the tenant behind the host (not even whether it exists), only a way back to their own.
 */
export default function Forbidden() {
  const home = config().publicUrl;
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          <h1>You do not have access to this site</h1>
          <p>You are signed in with an account that belongs to another organization.</p>
          <a className="button" href={new URL('/auth/continue', home).href}>
            Go to your own site
          </a>{' '}
          <a className="button secondary" href={new URL('/api/auth/signout', home).href}>
            Sign out
          </a>
        </div>
      </main>
    </>
  );
}
