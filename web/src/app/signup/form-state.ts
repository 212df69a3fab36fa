/** What the signup and onboarding forms send back to themselves: never the password. */
export type Field = 'organization' | 'subdomain' | 'email' | 'password';

export interface FormState {
  readonly values: { organization: string; subdomain: string; email: string };
  readonly errors: Partial<Record<Field, string>>;
  /** A whole-form message (service unreachable or slow). */
  readonly formError?: string;
  /** One per form render; kept when the outcome is unknown, renewed when the body must change. */
  readonly idempotencyKey: string;
}
