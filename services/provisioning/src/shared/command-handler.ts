/**
 * The one write path: load a stream, fold it, decide, append at the folded revision, and on a
 * version conflict do it all again (emmett's CommandHandler, EventSourcing.NodeJS's
 * handleCommand). Tenant, standby and reservation streams all go through here; what differs
 * is only the decider, how a stream folds, and how often a conflict is worth another try (a
 * standby claim that lost its race should try the next site, not this one again).
 *
 * Event ids come from the command id (shared/ids.ts), so a command retried after a lost reply
 * finds its first event already there and changes nothing.
 */
import { WrongExpectedRevisionError, type EventStore, type EventToAppend, type RecordedEvent } from '@tlc/event-store';
import { GENESIS_HASH, chainEvents, type EventMetadata } from '@tlc/tenant-events';
import type { CommandMetadata } from '../tenants/commands.js';
import { eventIdFor } from './ids.js';
import { readStream } from './read-stream.js';

export interface FoldedStream {
  /** Revision of the last folded event, -1 for a stream that does not exist. */
  readonly revision: number;
  /** Hash of the last folded event: the next event chains to it. */
  readonly lastHash?: string;
}

export interface Draft {
  readonly type: string;
  readonly data: unknown;
}

export interface StreamDecider<C extends { readonly metadata: CommandMetadata }, S extends FoldedStream, D extends Draft> {
  readonly streamOf: (command: C) => string;
  readonly initial: S;
  readonly evolve: (state: S, event: RecordedEvent) => S;
  readonly decide: (command: C, state: S) => readonly D[];
  readonly schemaVersion: (type: D['type']) => number;
  /** Mixed into event ids, for commands whose id alone would repeat across streams. */
  readonly idScope?: (command: C, state: S) => string;
  /** Another try after a version conflict; 0 hands the conflict to the caller. */
  readonly conflictRetries: number;
  /** Where the stream comes from when it is not read whole (the tenant repository keeps a cache). */
  readonly load?: (stream: string) => Promise<{ state: S; recorded: readonly RecordedEvent[] }>;
}

export interface Handled<S, D extends Draft> {
  readonly state: S;
  readonly events: ReadonlyArray<D & { readonly metadata: EventMetadata }>;
  /** The command's events were already in the stream (a retry): nothing was appended. */
  readonly alreadyApplied: boolean;
}

/** Metadata and the hash chain for drafts decided by one command. */
export function sealDrafts<T extends string>(drafts: readonly { type: T; data: unknown }[], meta: CommandMetadata, prevHash: string | undefined, schemaVersion: (type: T) => number, scope = '') {
  return chainEvents<T, unknown>(
    prevHash ?? GENESIS_HASH,
    drafts.map((d, i) => ({
      type: d.type,
      data: d.data,
      metadata: {
        eventId: eventIdFor(meta.commandId, i, scope),
        correlationId: meta.correlationId,
        // What caused the command (an event, for the process manager; the request, for the API).
        causationId: meta.causationId,
        actor: meta.actor,
        occurredAt: meta.now,
        schemaVersion: schemaVersion(d.type),
      },
    })),
  );
}

export class CommandHandler {
  constructor(private readonly store: EventStore) {}

  async handle<C extends { readonly metadata: CommandMetadata }, S extends FoldedStream, D extends Draft>(decider: StreamDecider<C, S, D>, command: C): Promise<Handled<S, D>> {
    const stream = decider.streamOf(command);
    for (let attempt = 0; ; attempt++) {
      const { state, recorded } = await (decider.load ?? ((s: string) => this.load(decider, s)))(stream);
      const scope = decider.idScope?.(command, state) ?? '';
      const firstId = eventIdFor(command.metadata.commandId, 0, scope);
      if (recorded.some((r) => r.eventId === firstId)) return { state, events: [], alreadyApplied: true };
      const drafts = decider.decide(command, state);
      if (drafts.length === 0) return { state, events: [], alreadyApplied: false };
      const events = sealDrafts(drafts, command.metadata, state.lastHash, decider.schemaVersion, scope);
      try {
        const result = await this.store.append(stream, events as unknown as EventToAppend[], state.revision < 0 ? 'no_stream' : state.revision);
        const first = result.nextExpectedRevision - events.length + 1;
        const next = events.reduce<S>((s, e, i) => decider.evolve(s, { ...e, streamId: stream, revision: first + i } as unknown as RecordedEvent), state);
        return { state: next, events: events as unknown as Handled<S, D>['events'], alreadyApplied: false };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError) || attempt >= decider.conflictRetries) throw e;
        // Jittered pause so racing writers do not collide again in lockstep.
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
  }

  private async load<S extends FoldedStream>(decider: { initial: S; evolve: (s: S, e: RecordedEvent) => S }, stream: string) {
    const recorded = await readStream(this.store, stream);
    return { state: recorded.reduce(decider.evolve, decider.initial), recorded };
  }
}
