/**
 * Metadata carried by every tenant event. Ids and time arrive from outside the domain
 * (the command), so `decide`/`evolve` stay pure and replayable.
 */
export type Actor =
  { readonly kind: 'user'; readonly id: string; readonly ip?: string } | { readonly kind: 'operator'; readonly id: string; readonly ip?: string } | { readonly kind: 'system'; readonly id: string };

export interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 UTC instant at which the decision was taken. */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** Hash of the previous event in the same stream; GENESIS_HASH for the first. */
  readonly prevHash: string;
  /** sha256 over the canonical JSON of `{ type, data, metadata-without-hash }`. */
  readonly hash: string;
}

/** Metadata before it is sealed into the hash chain. */
export type UnchainedMetadata = Omit<EventMetadata, 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);
