import { config } from '../../lib/config';

/** Absolute apex links: the same bar is shown on tenant hosts, where relative links would miss. */
export function TopBar({ email }: { email?: string | null }) {
  const apex = (path: string) => new URL(path, config().publicUrl).href;
  return (
    <header className="top">
      <a href={apex('/')}>Your ERP</a>
      <nav aria-label="Account">
        {email ? (
          <span className="muted">
            {email} · <a href={apex('/api/auth/signout')}>Sign out</a>
          </span>
        ) : (
          <a href={apex('/login')}>Sign in</a>
        )}
      </nav>
    </header>
  );
}
