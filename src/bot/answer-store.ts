/**
 * Answers kept for a while so that the buttons under them ("More passages", "Post to channel") can
 * page through and repost them. Each is found by a short random id carried in the button's custom
 * id. Entries expire by age and the oldest go first past a size cap, so memory stays flat.
 */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../engine/index.js';
import type { AnswerView } from './render.js';

/** An answer as shown in one message, with what is needed to render any page of it again. */
export interface StoredAnswer {
  answer: Answer;
  mode: AnswerView['mode'];
  perPage: number;
  isPrivate: boolean;
  /** Who asked. */
  userId: string;
  /** The corpus the answer came from (feedback/report.ts corpusVersion), for reports on it. */
  corpusVersion?: string;
}

/** Options of {@link AnswerStore}. */
export interface AnswerStoreOptions {
  /** How long an answer's buttons keep working. Default 15 min (an interaction token's lifetime). */
  ttlMs?: number;
  /** Most answers kept; the oldest are dropped first. Default 500. */
  maxEntries?: number;
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Recent answers by short id. */
export class AnswerStore {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Kept in insertion order, which is also expiry order. */
  private readonly entries = new Map<string, { stored: StoredAnswer; expires: number }>();

  constructor(options: AnswerStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 500);
    this.now = options.now ?? Date.now;
  }

  /** Stores an answer and returns its id: 8 characters of [a-z0-9]. */
  put(stored: StoredAnswer): string {
    const now = this.now();
    this.prune(now);
    let id: string;
    do id = randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0').slice(-8);
    while (this.entries.has(id));
    this.entries.set(id, { stored, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  /** The stored answer, or null when unknown or expired. */
  get(id: string): StoredAnswer | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.entries.delete(id);
      return null;
    }
    return entry.stored;
  }

  /** How many answers are kept. */
  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(id);
    }
  }
}
