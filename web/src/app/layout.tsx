import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page needs the runtime environment (hosts, secrets): nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Your ERP in minutes',
  description: 'Sign up and get your own ERPNext site, built for you step by step.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
