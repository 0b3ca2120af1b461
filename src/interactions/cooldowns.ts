/**
 * Per-user cooldown for answer commands: one answer every `windowMs` per user. Autocomplete and buttons are not
 * counted.
 *
 * @example
 * const c = new Cooldowns(3000); c.take('u1', 0) // → 0 (go); c.take('u1', 1000) // → 2 (seconds to wait)
 */
export class Cooldowns {
  private readonly last = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** 0 when the user may go now (and records it), else the whole seconds left to wait. */
  take(userId: string, now: number = Date.now()): number {
    const previous = this.last.get(userId);
    if (previous !== undefined && now - previous < this.windowMs) return Math.ceil((this.windowMs - (now - previous)) / 1000);
    this.last.set(userId, now);
    if (this.last.size > 10_000) for (const [id, t] of this.last) if (now - t >= this.windowMs) this.last.delete(id);
    return 0;
  }
}
