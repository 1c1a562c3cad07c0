/**
 * A per-user cooldown between questions. Entries expire after the cooldown and are pruned as new
 * requests arrive, so memory stays proportional to the users active within one cooldown window.
 */

/** Options of {@link Cooldown}. */
export interface CooldownOptions {
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Per-user cooldown. A cooldown of 0 s lets every request through and remembers nothing. */
export class Cooldown {
  private readonly windowMs: number;
  private readonly now: () => number;
  /** User id → when their cooldown ends. Kept in the order the cooldowns started, oldest first. */
  private readonly until = new Map<string, number>();

  constructor(seconds: number, options: CooldownOptions = {}) {
    this.windowMs = Math.max(0, seconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts the user's cooldown if they are free and returns 0; otherwise returns how many ms they
   * still have to wait (and does not extend the wait).
   */
  take(userId: string): number {
    if (this.windowMs === 0) return 0;
    const now = this.now();
    this.prune(now);
    const ends = this.until.get(userId);
    if (ends !== undefined && ends > now) return ends - now;
    // Deleted first so the re-inserted entry moves to the end and the map stays in start order.
    this.until.delete(userId);
    this.until.set(userId, now + this.windowMs);
    return 0;
  }

  /** How many users are currently remembered. */
  get size(): number {
    return this.until.size;
  }

  private prune(now: number): void {
    // Every entry lasts the same time, so the expired ones are all at the front.
    for (const [userId, ends] of this.until) {
      if (ends > now) break;
      this.until.delete(userId);
    }
  }
}
