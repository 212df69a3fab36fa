'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: '/signed-out' });
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
