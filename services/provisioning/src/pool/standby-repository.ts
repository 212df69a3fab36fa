/**
 * Standby streams through the one command handler (shared/command-handler.ts). A conflict is
 * not retried here: for a claim it means another signup won this site, and the caller moves on
 * to the next one (it sees WrongExpectedRevisionError).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@tlc/event-store';
import { STANDBY_SCHEMA_VERSIONS, evolveStandby, initialStandbyState, standbyStream, type StandbyEvent, type StandbyEventDraft, type StandbyState } from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { CommandHandler, type Handled, type StreamDecider } from '../shared/command-handler.js';
import { readStream } from '../shared/read-stream.js';
import { decideStandby, type StandbyCommand } from './standby-decide.js';

const evolveRecorded = (s: StandbyState, r: RecordedEvent): StandbyState => evolveStandby(s, r as unknown as StandbyEvent, r.revision);

const STANDBY_DECIDER: StreamDecider<StandbyCommand, StandbyState, StandbyEventDraft> = {
  streamOf: (c) => standbyStream(c.data.site),
  initial: initialStandbyState,
  evolve: evolveRecorded,
  decide: decideStandby,
  schemaVersion: (type) => STANDBY_SCHEMA_VERSIONS[type],
  // Standby event ids must not repeat a tenant command's (a claim's command id is shared).
  idScope: () => 'standby',
  conflictRetries: 0,
};

@Injectable()
export class StandbyRepository {
  private readonly handler: CommandHandler;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.handler = new CommandHandler(store);
  }

  async load(site: string): Promise<{ state: StandbyState; recorded: RecordedEvent[] }> {
    const recorded = await readStream(this.store, standbyStream(site));
    return { state: recorded.reduce(evolveRecorded, initialStandbyState), recorded };
  }

  /** load -> decide -> append at the folded revision; WrongExpectedRevisionError on a race. */
  handle(command: StandbyCommand): Promise<Handled<StandbyState, StandbyEventDraft>> {
    return this.handler.handle(STANDBY_DECIDER, command);
  }
}
