/**
 * Loads a standby stream (fold) and appends decided drafts with metadata, the hash chain and
 * the expected revision. A conflict is not retried here: for a claim it means another signup
 * won this site, and the caller moves on to the next one.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, EventToAppend, RecordedEvent } from '@tlc/event-store';
import {
  GENESIS_HASH, STANDBY_SCHEMA_VERSIONS, chainEvents, evolveStandby, initialStandbyState, standbyStream,
  type StandbyEvent, type StandbyEventDraft, type StandbyState,
} from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { eventIdFor } from '../shared/ids.js';
import type { CommandMetadata } from '../tenants/commands.js';
import { readStreamOrEmpty } from '../tenants/tenant-repository.js';
import { decideStandby, type StandbyCommand } from './standby-decide.js';

export const foldStandbyRecorded = (recorded: readonly RecordedEvent[]): StandbyState =>
  recorded.reduce<StandbyState>((s, r) => evolveStandby(s, r as unknown as StandbyEvent, r.revision), initialStandbyState);

export interface StandbyAppendResult {
  readonly state: StandbyState;
  readonly events: readonly StandbyEvent[];
}

@Injectable()
export class StandbyRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(site: string): Promise<{ state: StandbyState; recorded: RecordedEvent[] }> {
    const recorded = await readStreamOrEmpty(this.store, standbyStream(site));
    return { state: foldStandbyRecorded(recorded), recorded };
  }

  /** load -> decide -> append at the folded revision; WrongExpectedRevisionError on a race. */
  async handle(command: StandbyCommand): Promise<StandbyAppendResult> {
    const { state } = await this.load(command.data.site);
    return this.append(state, decideStandby(command, state), command.metadata);
  }

  async append(state: StandbyState, drafts: readonly StandbyEventDraft[], meta: CommandMetadata): Promise<StandbyAppendResult> {
    const events = chainEvents(state.lastHash ?? GENESIS_HASH, drafts.map((d, i) => ({
      type: d.type,
      data: d.data,
      metadata: {
        eventId: eventIdFor(meta.commandId, i, 'standby'),
        correlationId: meta.correlationId,
        causationId: meta.causationId,
        actor: meta.actor,
        occurredAt: meta.now,
        schemaVersion: STANDBY_SCHEMA_VERSIONS[d.type],
      },
    }))) as unknown as StandbyEvent[];
    const site = drafts[0]?.data.site ?? state.site;
    const result = await this.store.append(standbyStream(site), events as unknown as EventToAppend[], state.exists ? state.revision : 'no_stream');
    const first = result.nextExpectedRevision - events.length + 1;
    const next = events.reduce<StandbyState>((s, e, i) => evolveStandby(s, e, first + i), state);
    return { state: next, events };
  }
}
