/**
 * The subscription checkpoint lives in the event store itself, as the last event of
 * `pm-checkpoint-<name>`: no second database to keep consistent, any backend works, and every
 * instance of a deployment shares it. Besides the position it carries the tenants that were
 * still in flight, so a restart resumes them without replaying the whole log. Instances may
 * overwrite each other's checkpoint: harmless, because every decision is re-derived from the
 * tenant stream and a replayed event only makes the manager look at a tenant again.
 */
import type { EventStore } from '@tlc/event-store';
import { newId } from '../shared/ids.js';

export const CHECKPOINT_EVENT = 'ProcessManagerCheckpoint';
export const checkpointStream = (name: string): string => `pm-checkpoint-${name}`;

export interface Checkpoint {
  readonly position?: number;
  readonly inFlight: readonly string[];
}

export async function loadCheckpoint(store: EventStore, name: string): Promise<Checkpoint> {
  try {
    const [last] = await store.readStream(checkpointStream(name), { direction: 'backwards', maxCount: 1 });
    const d = (last?.data ?? {}) as { position?: number; inFlight?: string[] };
    return { position: typeof d.position === 'number' ? d.position : undefined, inFlight: Array.isArray(d.inFlight) ? d.inFlight : [] };
  } catch {
    return { inFlight: [] };
  }
}

export async function saveCheckpoint(store: EventStore, name: string, cp: Checkpoint): Promise<void> {
  await store.append(
    checkpointStream(name),
    [
      {
        type: CHECKPOINT_EVENT,
        data: { position: cp.position, inFlight: [...cp.inFlight] },
        metadata: { eventId: newId(), occurredAt: new Date().toISOString() },
      },
    ],
    'any',
  );
}
