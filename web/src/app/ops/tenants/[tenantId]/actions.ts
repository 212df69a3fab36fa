'use server';
/**
 * Lifecycle actions from the tenant page: the operator check, a typed confirmation (the tenant's
 * subdomain), then the provisioning API's own route with the operator in X-Operator, so the
 * events it appends name them as the actor. The answer goes back to the page as a query string
 * (works without JavaScript: a plain form POST and a redirect).
 */
import { redirect } from 'next/navigation';
import { requireOperator } from '../../../../lib/ops/access';
import { runLifecycle, type LifecycleAction } from '../../../../lib/ops/ops-api';
import { tenantDoc } from '../../../../lib/ops/tenants';

const ACTIONS: readonly LifecycleAction[] = ['retry', 'suspend', 'resume', 'deprovision'];

export async function lifecycleAction(form: FormData): Promise<void> {
  const operator = await requireOperator();
  const tenantId = String(form.get('tenantId') ?? '');
  const action = ACTIONS.find((a) => a === form.get('action'));
  const doc = await tenantDoc(tenantId);
  if (!doc || !action) redirect('/ops');
  const back = (p: Record<string, string>) => redirect(`/ops/tenants/${doc.tenantId}?${new URLSearchParams(p)}`);
  if (
    String(form.get('confirm') ?? '')
      .trim()
      .toLowerCase() !== doc.subdomain
  ) {
    back({ error: `To ${action}, type the subdomain ${doc.subdomain} exactly.` });
  }
  const reason =
    String(form.get('reason') ?? '')
      .trim()
      .slice(0, 500) || `${action} by ${operator.email} from the operations console`;
  const r = await runLifecycle(doc.tenantId, action, operator.email, reason);
  if (!r.ok) back({ error: `${r.problem.code}: ${r.problem.detail ?? r.problem.title ?? 'refused'}` });
  back({ done: action });
}
