'use server';
/** Starts a blue/green rebuild of the tenant lookup read model, as the operator. */
import { redirect } from 'next/navigation';
import { requireOperator } from '../../../lib/ops/access';
import { startRebuild } from '../../../lib/ops/ops-api';

export async function startRebuildAction(): Promise<void> {
  const operator = await requireOperator();
  const r = await startRebuild(operator.email);
  redirect(r.ok ? '/ops/projections' : `/ops/projections?${new URLSearchParams({ error: `${r.problem.code}: ${r.problem.detail ?? ''}` })}`);
}
