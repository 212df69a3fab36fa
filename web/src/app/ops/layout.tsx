/**
 * The operations console's frame. The operator check here is the first of several: every page,
 * server action and route handler below checks again (a layout is not re-run for those).
 * No `metadata` here: Next resolves a segment's metadata even when its layout answers 404, and
 * a title would tell a stranger the console exists.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireOperator } from '../../lib/ops/access';
import { TopBar } from '../components/top-bar';
import './ops.css';

export default async function OpsLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return (
    <>
      <TopBar email={operator.email} />
      <main id="main" className="ops">
        <nav className="ops" aria-label="Operations">
          <Link href="/ops">Tenants</Link>
          <Link href="/ops/health">Provisioning health</Link>
          <Link href="/ops/projections">Projections</Link>
          <span className="who">Operator console</span>
        </nav>
        {children}
      </main>
    </>
  );
}
