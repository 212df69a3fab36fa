/**
 * What the process manager does with a failed step, by the failure's class (bench/classify.ts):
 * - permanent: no retry; the tenant is rolled back;
 * - transient, timeout: retried with backoff until PM_MAX_ATTEMPTS, then treated as permanent;
 * - configuration: the bench cannot run for anybody (no usable database root password, run as
 *   root without frappe_user): not the customer's fault, so never a rollback. It is retried with
 *   the capped backoff for as long as it takes an operator to fix the bench, and logged at error
 *   level every time so that somebody notices.
 */
import type { FailureClass } from '@tlc/tenant-events';

export interface FailurePolicy {
  readonly willRetry: boolean;
  /** Log at error level: an operator has to act. */
  readonly loud: boolean;
}

export function failurePolicy(classification: FailureClass, attempt: number, maxAttempts: number): FailurePolicy {
  switch (classification) {
    case 'permanent':
      return { willRetry: false, loud: false };
    case 'transient':
    case 'timeout':
      return { willRetry: attempt < maxAttempts, loud: false };
    case 'configuration':
      return { willRetry: true, loud: true };
    default:
      return assertNever(classification);
  }
}

function assertNever(c: never): never {
  throw new Error(`unknown failure class ${String(c)}`);
}
