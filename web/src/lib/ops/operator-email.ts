/** Kept apart from access.ts (which needs Next's request scope) so the rule is testable alone. */

/** The operator's email when the token is an operator's, else null. Pure, for the proxy and tests. */
export function operatorEmail(token: { readonly email?: string | null } | null, opsEmails: ReadonlySet<string>): string | null {
  const email = typeof token?.email === 'string' ? token.email.trim().toLowerCase() : '';
  return email && opsEmails.has(email) ? email : null;
}
