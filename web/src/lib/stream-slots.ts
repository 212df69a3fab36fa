/**
 * Caps on concurrent progress streams. Each open stream holds a connection to the browser, one
 * to the provisioning API and a poller there, so one session (or one address with many
 * sessions) opening hundreds would pin memory on both servers. A slot is taken before the
 * upstream opens and given back exactly once, whichever way the stream ends.
 */
export interface StreamLimits {
  readonly perSession: number;
  readonly perAddress: number;
}

export type Release = () => void;

export class StreamSlots {
  private readonly bySession = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly limits: StreamLimits) {}

  /** A release function, or null when the session or the address is at its cap. */
  acquire(session: string, address: string): Release | null {
    if ((this.bySession.get(session) ?? 0) >= this.limits.perSession) return null;
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) return null;
    bump(this.bySession, session, 1);
    bump(this.byAddress, address, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.bySession, session, -1);
      bump(this.byAddress, address, -1);
    };
  }

  /** Open streams in all (for tests and diagnostics). */
  get open(): number {
    let n = 0;
    for (const v of this.bySession.values()) n += v;
    return n;
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
