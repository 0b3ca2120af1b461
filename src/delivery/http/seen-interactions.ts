/**
 * The interaction ids this process has acted on while their signatures are still accepted. A signed request stays
 * valid for five minutes (verify-signature.ts), so a request captured on its way to the endpoint — a moderator's
 * "Add" on a source preview, say — could otherwise be sent again and acted on again for that long. Discord sends each
 * interaction once, so a second request with an id already seen is a replay: the endpoint refuses it without calling
 * the interaction layer. An id is remembered until its signature's timestamp leaves the window, after which the
 * signature check refuses the request by itself; the set is bounded (`maxEntries`), forgetting the oldest first.
 * Per process: behind a load balancer a replay can reach each process once (see docs/http-mode.md).
 */
import { MAX_AGE_SECONDS } from './verify-signature.ts';

/**
 * At 500 interactions a second for the six minutes an id can be signed-valid (five in the past, one ahead), about
 * 180,000 ids; each costs some 100 bytes, so at most ~20 MB.
 */
export const MAX_REMEMBERED_IDS = 200_000;

export interface SeenInteractionsOptions {
  maxEntries?: number;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
  /** Called (at most once a minute) when an id is forgotten before its window closed because the set is full. */
  onEvictedEarly?: (evicted: number) => void;
}

/**
 * @example
 * const seen = new SeenInteractions();
 * seen.firstTime('1234', 1764000000) // → true: act on it
 * seen.firstTime('1234', 1764000000) // → false: a replay, refuse it
 */
export class SeenInteractions {
  /** id → when it may be forgotten (ms); insertion order is arrival order. */
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly onEvictedEarly: ((evicted: number) => void) | undefined;
  private evictedEarly = 0;
  private lastEvictionReport = -Infinity;

  constructor(options: SeenInteractionsOptions = {}) {
    this.maxEntries = options.maxEntries ?? MAX_REMEMBERED_IDS;
    this.now = options.now ?? Date.now;
    this.onEvictedEarly = options.onEvictedEarly;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.expiries.size;
  }

  /**
   * True the first time an id is seen (and remembers it until `timestampSeconds` + the signature window), false when
   * it is remembered already. Only call it for a request whose signature was verified, so a forger cannot block an
   * id before Discord sends it.
   */
  firstTime(id: string, timestampSeconds: number): boolean {
    const now = this.now();
    this.forgetExpired(now);
    const known = this.expiries.get(id);
    if (known !== undefined && known > now) return false;
    if (known !== undefined) this.expiries.delete(id);
    this.expiries.set(id, (timestampSeconds + MAX_AGE_SECONDS + 1) * 1000);
    while (this.expiries.size > this.maxEntries) this.evictOldest(now);
    return true;
  }

  /** Drops expired ids from the front (the oldest arrivals); stops at the first still live, so each call is short. */
  private forgetExpired(now: number): void {
    for (const [id, expiresAt] of this.expiries) {
      if (expiresAt > now) break;
      this.expiries.delete(id);
    }
  }

  private evictOldest(now: number): void {
    const oldest = this.expiries.keys().next();
    if (oldest.done) return;
    const expiresAt = this.expiries.get(oldest.value) ?? 0;
    this.expiries.delete(oldest.value);
    if (expiresAt <= now) return;
    this.evictedEarly++;
    if (this.onEvictedEarly && now - this.lastEvictionReport >= 60_000) {
      this.lastEvictionReport = now;
      this.onEvictedEarly(this.evictedEarly);
      this.evictedEarly = 0;
    }
  }
}
