import Link from 'next/link';
import { TopBar } from './components/top-bar';

export default function Landing() {
  return (
    <>
      <TopBar />
      <main id="main">
        <div className="card">
          <h1>Your own ERPNext, ready in minutes</h1>
          <p>Pick a name for your site, and we build it for you: the database, ERPNext, your admin account and API keys. You can watch every step.</p>
          <Link className="button" href="/signup">
            Create your site
          </Link>{' '}
          <Link className="button secondary" href="/login">
            Sign in
          </Link>
        </div>
      </main>
    </>
  );
}
